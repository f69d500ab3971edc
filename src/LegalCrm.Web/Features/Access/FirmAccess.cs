using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// A firm's roles and accounts as one value: what each user may do (the union of their roles' permissions, the same
/// evaluation <see cref="UserSession"/> makes per request) and what a change to roles or users would leave behind.
/// A firm must never lock itself out: after any change at least one enabled user must still be an administrator.
/// </summary>
public sealed class FirmAccess
{
    /// <summary>Together these let someone repair any access problem: assign roles, and change what roles grant.</summary>
    public static readonly IReadOnlyList<string> AdministratorPermissions = [Permissions.AdminUsers, Permissions.AdminRoles];

    /// <summary>Changes to roles and users of one firm take turns (<see cref="FirmLocks"/>): two admins each removing the other's rights at once must not leave none.</summary>
    public const string LockPurpose = "access";

    private readonly IReadOnlyDictionary<Guid, IReadOnlySet<string>> _roles;
    private readonly IReadOnlyList<Account> _accounts;

    public FirmAccess(IReadOnlyDictionary<Guid, IReadOnlySet<string>> roles, IReadOnlyList<Account> accounts)
    {
        _roles = roles;
        _accounts = accounts;
    }

    public sealed record Account(Guid UserId, bool Enabled, IReadOnlySet<Guid> RoleIds);

    public IReadOnlySet<string> EffectivePermissions(Guid userId) =>
        _accounts.SingleOrDefault(a => a.UserId == userId) is { } account ? PermissionsOf(account) : new HashSet<string>();

    public bool IsAdministrator(Guid userId) =>
        _accounts.SingleOrDefault(a => a.UserId == userId) is { Enabled: true } account && IsAdministrator(account);

    public bool HasAdministrator => _accounts.Any(a => a.Enabled && IsAdministrator(a));

    /// <summary>The users who hold a role, enabled or not.</summary>
    public IReadOnlyList<Guid> HoldersOf(Guid roleId) => [.. _accounts.Where(a => a.RoleIds.Contains(roleId)).Select(a => a.UserId)];

    public FirmAccess WithRolePermissions(Guid roleId, IEnumerable<string> permissions) =>
        new(new Dictionary<Guid, IReadOnlySet<string>>(_roles) { [roleId] = permissions.ToHashSet(StringComparer.Ordinal) }, _accounts);

    /// <summary>The role gone; its holders get <paramref name="reassignTo"/> instead, when given.</summary>
    public FirmAccess WithoutRole(Guid roleId, Guid? reassignTo) =>
        new(
            _roles.Where(r => r.Key != roleId).ToDictionary(r => r.Key, r => r.Value),
            [.. _accounts.Select(a => a.RoleIds.Contains(roleId)
                ? a with { RoleIds = a.RoleIds.Where(id => id != roleId).Concat(reassignTo is { } target ? [target] : []).ToHashSet() }
                : a)]);

    public FirmAccess WithUserRoles(Guid userId, IEnumerable<Guid> roleIds) =>
        new(_roles, [.. _accounts.Select(a => a.UserId == userId ? a with { RoleIds = roleIds.ToHashSet() } : a)]);

    public FirmAccess WithUserDisabled(Guid userId) =>
        new(_roles, [.. _accounts.Select(a => a.UserId == userId ? a with { Enabled = false } : a)]);

    /// <summary>Reads the roles and accounts of the firm entered in <paramref name="db"/>'s scope.</summary>
    public static async Task<FirmAccess> LoadAsync(CrmDbContext db, CancellationToken ct = default)
    {
        var grants = await db.Roles.AsNoTracking()
            .Select(r => new { r.Id, Permissions = r.Permissions.Select(p => p.Permission).ToList() })
            .ToListAsync(ct);
        var memberships = await db.UserRoles.AsNoTracking().Select(ur => new { ur.UserId, ur.RoleId }).ToListAsync(ct);
        var rolesOf = memberships.ToLookup(m => m.UserId, m => m.RoleId);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, Enabled = u.DisabledAt == null }).ToListAsync(ct);
        return new FirmAccess(
            grants.ToDictionary(g => g.Id, g => (IReadOnlySet<string>)g.Permissions.ToHashSet(StringComparer.Ordinal)),
            [.. users.Select(u => new Account(u.Id, u.Enabled, rolesOf[u.Id].ToHashSet()))]);
    }

    private HashSet<string> PermissionsOf(Account account) =>
        account.RoleIds.SelectMany(id => _roles.TryGetValue(id, out var permissions) ? permissions : Enumerable.Empty<string>()).ToHashSet(StringComparer.Ordinal);

    private bool IsAdministrator(Account account)
    {
        var permissions = PermissionsOf(account);
        return AdministratorPermissions.All(permissions.Contains);
    }
}
