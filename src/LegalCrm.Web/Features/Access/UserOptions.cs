using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access;

/// <summary>The firm's enabled users by name, for selects (responsible lawyer, filters, participants, assignees).</summary>
public static class UserOptions
{
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> ActiveAsync(CrmDbContext db) =>
        (await db.Users.AsNoTracking().Where(u => u.DisabledAt == null).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .Select(u => (u.Id, u.DisplayName)).ToList();

    /// <summary>
    /// The people in a dossier's team: the responsible lawyer, the members, and the members of its teams; leavers too
    /// unless <paramref name="enabledOnly"/> (a correction must not drop a leaver who took part in a call).
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> DossierTeamAsync(CrmDbContext db, Guid dossierId, bool enabledOnly)
    {
        var teams = db.DossierTeams.Where(t => t.DossierId == dossierId).Select(t => t.TeamId);
        var team = db.Set<Dossiers.DossierMember>().Where(m => m.DossierId == dossierId).Select(m => m.UserId)
            .Union(db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.ResponsibleLawyerId))
            .Union(db.TeamMembers.Where(m => teams.Contains(m.TeamId)).Select(m => m.UserId));
        return (await db.Users.AsNoTracking().Where(u => (!enabledOnly || u.DisabledAt == null) && team.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
