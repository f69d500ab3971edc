using LegalCrm.Web.Features.Access;

namespace LegalCrm.UnitTests.Access;

public sealed class FirmAccessTests
{
    private static readonly Guid AdminRole = Guid.NewGuid();
    private static readonly Guid LawyerRole = Guid.NewGuid();
    private static readonly Guid ReviewerRole = Guid.NewGuid();
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly Guid Bram = Guid.NewGuid();

    private static FirmAccess Firm(params FirmAccess.Account[] accounts) => new(
        new Dictionary<Guid, IReadOnlySet<string>>
        {
            [AdminRole] = new HashSet<string> { Permissions.AdminUsers, Permissions.AdminRoles, Permissions.AdminAudit },
            [LawyerRole] = new HashSet<string> { Permissions.ClientsRead, Permissions.DossiersRead },
            [ReviewerRole] = new HashSet<string> { Permissions.AdminReview, Permissions.ClientsRead },
        },
        accounts);

    private static FirmAccess.Account User(Guid id, params Guid[] roles) => new(id, true, roles.ToHashSet());

    [Fact]
    public void Effective_permissions_are_the_union_of_all_roles()
    {
        var access = Firm(User(Anna, LawyerRole, ReviewerRole));

        Assert.Equal(
            new[] { Permissions.AdminReview, Permissions.ClientsRead, Permissions.DossiersRead }.Order(),
            access.EffectivePermissions(Anna).Order());
    }

    [Fact]
    public void A_role_that_no_longer_exists_grants_nothing() =>
        Assert.Empty(Firm(User(Anna, Guid.NewGuid())).EffectivePermissions(Anna));

    [Fact]
    public void An_enabled_user_who_can_manage_users_and_roles_keeps_the_firm_administrable() =>
        Assert.True(Firm(User(Anna, AdminRole), User(Bram, LawyerRole)).HasAdministrator);

    [Fact]
    public void Managing_users_without_managing_roles_is_not_enough()
    {
        var access = Firm(User(Anna, AdminRole)).WithRolePermissions(AdminRole, [Permissions.AdminUsers]);

        Assert.False(access.HasAdministrator);
    }

    [Fact]
    public void A_disabled_administrator_does_not_count() =>
        Assert.False(Firm(User(Anna, AdminRole)).WithUserDisabled(Anna).HasAdministrator);

    [Fact]
    public void Taking_admin_rights_out_of_the_only_admin_role_is_refused_but_another_admin_role_saves_it()
    {
        var alone = Firm(User(Anna, AdminRole), User(Bram, LawyerRole));
        Assert.False(alone.WithRolePermissions(AdminRole, [Permissions.AdminAudit]).HasAdministrator);

        var withOther = Firm(User(Anna, AdminRole), User(Bram, ReviewerRole))
            .WithRolePermissions(ReviewerRole, [Permissions.AdminUsers, Permissions.AdminRoles]);
        Assert.True(withOther.WithRolePermissions(AdminRole, [Permissions.AdminAudit]).HasAdministrator);
    }

    [Fact]
    public void Deleting_the_admin_role_needs_its_holders_to_get_admin_rights_elsewhere()
    {
        var access = Firm(User(Anna, AdminRole, LawyerRole), User(Bram, LawyerRole));

        Assert.False(access.WithoutRole(AdminRole, reassignTo: null).HasAdministrator);
        Assert.False(access.WithoutRole(AdminRole, reassignTo: ReviewerRole).HasAdministrator);
        Assert.True(access.WithoutRole(LawyerRole, reassignTo: ReviewerRole).HasAdministrator);
        Assert.Equal([Anna, Bram], access.HoldersOf(LawyerRole));
    }

    [Fact]
    public void Reassigning_a_deleted_role_gives_its_holders_the_other_role_and_keeps_the_rest()
    {
        var after = Firm(User(Anna, AdminRole, LawyerRole), User(Bram, LawyerRole)).WithoutRole(LawyerRole, reassignTo: ReviewerRole);

        Assert.Contains(Permissions.AdminReview, after.EffectivePermissions(Bram));
        Assert.DoesNotContain(Permissions.DossiersRead, after.EffectivePermissions(Bram));
        Assert.True(after.IsAdministrator(Anna));
        Assert.Empty(after.HoldersOf(LawyerRole));
    }

    [Fact]
    public void Changing_a_users_roles_is_evaluated_for_that_user_only()
    {
        var access = Firm(User(Anna, AdminRole), User(Bram, AdminRole));

        Assert.True(access.WithUserRoles(Anna, [LawyerRole]).HasAdministrator);
        Assert.False(access.WithUserRoles(Anna, [LawyerRole]).WithUserRoles(Bram, []).HasAdministrator);
        Assert.False(access.WithUserRoles(Anna, [LawyerRole]).IsAdministrator(Anna));
    }

    [Fact]
    public void No_accounts_means_no_administrator() => Assert.False(Firm().HasAdministrator);
}
