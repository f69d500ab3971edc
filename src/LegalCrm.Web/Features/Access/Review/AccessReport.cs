using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access.Review;

public sealed record AccessReportRow(
    Guid UserId,
    string Name,
    string Email,
    bool Enabled,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Permissions,
    int ReachableDossiers,
    int Walls,
    DateTimeOffset? LastSignInAt,
    bool Dormant,
    bool TwoFactor);

/// <summary>
/// Who may do and see what, per account: roles, teams, the effective permissions (<see cref="FirmAccess"/>, the same
/// evaluation as every request), the dossiers they can reach (<see cref="DossierAccess.VisibleTo"/>, the same rule as
/// every list, walls and break-glass included), the walls that keep them out, the last sign-in, and whether the account
/// is dormant. Disabled accounts are listed with what their roles would give, and reach nothing.
/// </summary>
public sealed class AccessReport(CrmDbContext db, DossierAccess dossiers, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccessReportRow>> BuildAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var access = await FirmAccess.LoadAsync(db, ct);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? string.Empty, ct);
        var rolesOf = (await db.UserRoles.AsNoTracking().Select(ur => new { ur.UserId, ur.RoleId }).ToListAsync(ct)).ToLookup(r => r.UserId, r => r.RoleId);
        var teamsOf = (await db.TeamMembers.AsNoTracking().Select(m => new { m.UserId, m.TeamId, Name = db.Teams.Where(t => t.Id == m.TeamId).Select(t => t.Name).First() }).ToListAsync(ct))
            .ToLookup(m => m.UserId);
        var walls = await db.EthicalWalls.AsNoTracking().Select(w => new { w.UserId, w.TeamId }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.DisabledAt, u.LastSignInAt, u.CreatedAt, u.TwoFactorEnabled })
            .ToListAsync(ct);

        var rows = new List<AccessReportRow>(users.Count);
        foreach (var u in users)
        {
            var enabled = u.DisabledAt is null;
            var permissions = access.EffectivePermissions(u.Id);
            var teams = teamsOf[u.Id].Select(t => t.TeamId).ToList();
            // One count per account: a review is a quarterly page for an office's staff, not a hot path.
            var reachable = enabled
                ? await dossiers.VisibleTo(u.Id, permissions.Contains(Permissions.DossiersRead), permissions.Contains(Permissions.DossiersReadAll), teams).CountAsync(ct)
                : 0;
            rows.Add(new AccessReportRow(
                u.Id,
                u.DisplayName,
                u.Email ?? string.Empty,
                enabled,
                [.. rolesOf[u.Id].Select(id => roleNames.GetValueOrDefault(id, string.Empty)).Order(StringComparer.CurrentCulture)],
                [.. teamsOf[u.Id].Select(t => t.Name).Order(StringComparer.CurrentCulture)],
                [.. permissions.Order(StringComparer.Ordinal)],
                reachable,
                walls.Count(w => w.UserId == u.Id || (w.TeamId is { } team && teams.Contains(team))),
                u.LastSignInAt,
                AccessReviewSchedule.IsDormant(enabled, u.LastSignInAt, u.CreatedAt, now),
                u.TwoFactorEnabled));
        }

        return rows;
    }

    /// <summary>When the firm's next review is due (the page and the reminder).</summary>
    public static async Task<DateOnly> NextReviewDueAsync(CrmDbContext db, CancellationToken ct)
    {
        var last = await db.Set<AccessReview>().AsNoTracking().OrderByDescending(r => r.ReviewedAt).Select(r => (DateTimeOffset?)r.ReviewedAt).FirstOrDefaultAsync(ct);
        var first = await db.Users.AsNoTracking().MinAsync(u => (DateTimeOffset?)u.CreatedAt, ct) ?? DateTimeOffset.UtcNow;
        return AccessReviewSchedule.NextDue(last is { } at ? AmsterdamTime.DateOf(at) : null, AmsterdamTime.DateOf(first));
    }
}
