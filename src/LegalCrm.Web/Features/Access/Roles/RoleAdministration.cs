using LegalCrm.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access.Roles;

public enum RoleChangeOutcome
{
    Done,
    NameMissing,
    NameTaken,
    DescriptionTooLong,
    UnknownPermission,
    WouldLeaveNoAdministrator,
    StillAssigned,
    UnknownRole,
}

/// <summary>
/// The admin's use cases on roles: create (empty or as a copy), rename and change the permissions granted, delete
/// (its holders given another role). Each runs in one transaction under the firm's access lock and is refused when it
/// would leave no administrator (<see cref="FirmAccess"/>). The audit trail records roles and their grants through
/// the interceptor; users see the change at their next request, because permissions are read per request.
/// </summary>
public sealed class RoleAdministration(CrmDbContext db, RoleManager<CrmRole> roleManager)
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    public async Task<(RoleChangeOutcome Outcome, CrmRole? Role)> CreateAsync(string? name, string? description, Guid? copyOf, CancellationToken ct = default)
    {
        name = name?.Trim();
        if (Refusal(name, description) is { } refused)
        {
            return (refused, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await FirmLocks.TakeAsync(db, FirmAccess.LockPurpose, ct);
        if (await NameTakenAsync(name!, except: null, ct))
        {
            return (RoleChangeOutcome.NameTaken, null);
        }

        var permissions = new List<string>();
        if (copyOf is { } sourceId)
        {
            var source = await db.Roles.AsNoTracking().Include(r => r.Permissions).SingleOrDefaultAsync(r => r.Id == sourceId, ct);
            if (source is null)
            {
                return (RoleChangeOutcome.UnknownRole, null);
            }

            permissions = [.. source.Permissions.Select(p => p.Permission).Where(Permissions.IsKnown)];
            description ??= source.Description;
        }

        var role = new CrmRole
        {
            Name = name,
            NormalizedName = roleManager.NormalizeKey(name),
            Description = Clean(description),
            Permissions = [.. permissions.Select(p => new RoleGrant { Permission = p })],
        };
        db.Roles.Add(role);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (RoleChangeOutcome.Done, role);
    }

    /// <summary>A copy named "… (copy)", "… (copy 2)", …: the admin renames it on its page.</summary>
    public async Task<(RoleChangeOutcome Outcome, CrmRole? Role)> CopyAsync(Guid roleId, string copySuffix, CancellationToken ct = default)
    {
        var name = await db.Roles.Where(r => r.Id == roleId).Select(r => r.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return (RoleChangeOutcome.UnknownRole, null);
        }

        var taken = await db.Roles.Select(r => r.NormalizedName).ToListAsync(ct);
        var candidate = Enumerable.Range(1, 1000)
            .Select(n => $" ({copySuffix}{(n == 1 ? string.Empty : " " + n)})")
            .Select(suffix => Truncate(name, NameMaxLength - suffix.Length) + suffix)
            .First(c => !taken.Contains(roleManager.NormalizeKey(c)));
        return await CreateAsync(candidate, null, roleId, ct);
    }

    public async Task<RoleChangeOutcome> SaveAsync(Guid roleId, string? name, string? description, IReadOnlyCollection<string> permissions, CancellationToken ct = default)
    {
        name = name?.Trim();
        if (Refusal(name, description) is { } refused)
        {
            return refused;
        }

        if (!permissions.All(Permissions.IsKnown))
        {
            return RoleChangeOutcome.UnknownPermission;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await FirmLocks.TakeAsync(db, FirmAccess.LockPurpose, ct);
        var role = await db.Roles.Include(r => r.Permissions).SingleOrDefaultAsync(r => r.Id == roleId, ct);
        if (role is null)
        {
            return RoleChangeOutcome.UnknownRole;
        }

        if (await NameTakenAsync(name!, except: roleId, ct))
        {
            return RoleChangeOutcome.NameTaken;
        }

        if (!(await FirmAccess.LoadAsync(db, ct)).WithRolePermissions(roleId, permissions).HasAdministrator)
        {
            return RoleChangeOutcome.WouldLeaveNoAdministrator;
        }

        role.Name = name;
        role.NormalizedName = roleManager.NormalizeKey(name);
        role.Description = Clean(description);
        // Grants of permissions the app no longer knows go too: the matrix shows only known ones.
        db.RoleGrants.RemoveRange(role.Permissions.Where(g => !permissions.Contains(g.Permission)));
        role.Permissions.RemoveAll(g => !permissions.Contains(g.Permission));
        role.Permissions.AddRange(permissions.Distinct().Where(p => role.Permissions.All(g => g.Permission != p)).Select(p => new RoleGrant { Permission = p }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return RoleChangeOutcome.Done;
    }

    /// <summary>
    /// Deletes a role. Holders keep their other roles; without <paramref name="reassignTo"/> a role that is still held
    /// is refused, so no one loses access unnoticed.
    /// </summary>
    public async Task<RoleChangeOutcome> DeleteAsync(Guid roleId, Guid? reassignTo, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await FirmLocks.TakeAsync(db, FirmAccess.LockPurpose, ct);
        var role = await db.Roles.Include(r => r.Permissions).SingleOrDefaultAsync(r => r.Id == roleId, ct);
        if (role is null || (reassignTo is { } target && (target == roleId || !await db.Roles.AnyAsync(r => r.Id == target, ct))))
        {
            return RoleChangeOutcome.UnknownRole;
        }

        var access = await FirmAccess.LoadAsync(db, ct);
        if (access.HoldersOf(roleId).Count > 0 && reassignTo is null)
        {
            return RoleChangeOutcome.StillAssigned;
        }

        if (!access.WithoutRole(roleId, reassignTo).HasAdministrator)
        {
            return RoleChangeOutcome.WouldLeaveNoAdministrator;
        }

        var memberships = await db.UserRoles.Where(ur => ur.RoleId == roleId).ToListAsync(ct);
        if (reassignTo is { } newRole)
        {
            var alreadyHeld = await db.UserRoles.Where(ur => ur.RoleId == newRole).Select(ur => ur.UserId).ToListAsync(ct);
            db.UserRoles.AddRange(memberships.Where(m => !alreadyHeld.Contains(m.UserId)).Select(m => new CrmUserRole { UserId = m.UserId, RoleId = newRole }));
        }

        db.UserRoles.RemoveRange(memberships);
        db.Roles.Remove(role);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return RoleChangeOutcome.Done;
    }

    private Task<bool> NameTakenAsync(string name, Guid? except, CancellationToken ct)
    {
        var normalized = roleManager.NormalizeKey(name);
        return db.Roles.AnyAsync(r => r.NormalizedName == normalized && r.Id != except, ct);
    }

    private static RoleChangeOutcome? Refusal(string? name, string? description) =>
        string.IsNullOrEmpty(name) || name.Length > NameMaxLength ? RoleChangeOutcome.NameMissing
        : description?.Trim().Length > DescriptionMaxLength ? RoleChangeOutcome.DescriptionTooLong
        : null;

    private static string? Clean(string? description) => string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
