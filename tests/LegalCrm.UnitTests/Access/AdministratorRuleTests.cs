using LegalCrm.Web.Features.Access;

namespace LegalCrm.UnitTests.Access;

public sealed class AdministratorRuleTests
{
    private static readonly string[] Admin = [Permissions.AdminUsers, Permissions.AdminAudit];
    private static readonly string[] Lawyer = [Permissions.ClientsRead];

    [Fact]
    public void An_enabled_user_who_can_manage_users_keeps_the_firm_administrable() =>
        Assert.True(AdministratorRule.LeavesAnAdministrator([new(Guid.NewGuid(), true, Admin), new(Guid.NewGuid(), true, Lawyer)]));

    [Fact]
    public void A_disabled_administrator_does_not_count() =>
        Assert.False(AdministratorRule.LeavesAnAdministrator([new(Guid.NewGuid(), false, Admin), new(Guid.NewGuid(), true, Lawyer)]));

    [Fact]
    public void No_accounts_means_no_administrator() =>
        Assert.False(AdministratorRule.LeavesAnAdministrator([]));
}
