namespace LegalCrm.Web.Features.Access;

/// <summary>
/// A firm must never lock itself out: after any change to users or roles, at least one enabled user must still hold
/// the permission to administer users.
/// </summary>
public static class AdministratorRule
{
    public sealed record Account(Guid UserId, bool Enabled, IReadOnlyCollection<string> Permissions);

    public static bool LeavesAnAdministrator(IEnumerable<Account> accountsAfterChange) =>
        accountsAfterChange.Any(a => a.Enabled && a.Permissions.Contains(Access.Permissions.AdminUsers));
}
