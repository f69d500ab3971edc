using LegalCrm.Web.Features.Access;

namespace LegalCrm.UnitTests.Access;

public sealed class PermissionCatalogTests
{
    [Fact]
    public void Permission_names_are_unique_and_lower_case_dotted()
    {
        Assert.Equal(Permissions.All.Count, Permissions.All.Select(p => p.Name).Distinct().Count());
        Assert.All(Permissions.All, p => Assert.Matches("^[a-z]+(\\.[a-z]+)+$", p.Name));
    }

    [Fact]
    public void Built_in_roles_grant_only_known_permissions_and_have_unique_names()
    {
        Assert.All(BuiltInRoles.All.SelectMany(r => r.Permissions), p => Assert.True(Permissions.IsKnown(p), p));
        Assert.Equal(5, BuiltInRoles.All.Select(r => r.Name).Distinct().Count());
        Assert.Equal(["Beheerder", "Advocaat", "Secretariaat", "Privacyfunctionaris", "Alleen-lezen"], BuiltInRoles.All.Select(r => r.Name));
    }

    [Fact]
    public void Only_the_admin_role_can_manage_users_and_the_read_only_role_writes_nothing()
    {
        Assert.Equal([BuiltInRoles.Admin], BuiltInRoles.All.Where(r => r.Permissions.Contains(Permissions.AdminUsers)).Select(r => r.Key));
        Assert.DoesNotContain(BuiltInRoles.Get(BuiltInRoles.ReadOnly).Permissions, p => p.EndsWith(".write", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_cannot_declare_a_permission_that_does_not_exist() =>
        Assert.Throws<ArgumentException>(() => new RequirePermissionAttribute("clients.teleport"));

    [Fact]
    public void A_declared_permission_becomes_its_policy_name() =>
        Assert.Equal("permission:admin.users", new RequirePermissionAttribute(Permissions.AdminUsers).Policy);
}
