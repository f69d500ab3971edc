using System.Linq.Expressions;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// The one answer to "may this user see this dossier": its team (responsible lawyer, members, members of the teams
/// added to it), or everyone with
/// <c>dossiers.read.all</c>, or someone who broke the glass for a while (<see cref="DossierAccessGrant"/>) — never
/// someone behind an ethical wall, which beats every other rule. Every list, search, client page section, download
/// and export of dossier data starts from <see cref="Visible"/>, so a restricted dossier cannot leak through a count
/// or a search hit (professional secrecy, Advocatenwet art. 10a/11a).
/// </summary>
public sealed class DossierAccess(CrmDbContext db, CurrentUser me, TimeProvider clock)
{
    public IQueryable<Dossier> Visible() => Filter(me.Has(Permissions.DossiersReadAll));

    /// <summary>The dossiers whose team the user is in ("my dossiers"), walls still applying.</summary>
    public IQueryable<Dossier> Mine() => me.UserId is { } user ? Filter(readAll: false).Where(InTeam(user)) : db.Dossiers.Where(d => false);

    public Task<bool> CanSeeAsync(Guid dossierId, CancellationToken ct = default) => Visible().AnyAsync(d => d.Id == dossierId, ct);

    /// <summary>Changing a dossier takes <c>dossiers.write</c> and a place in its team: seeing all is not working on all.</summary>
    public Task<bool> CanEditAsync(Guid dossierId, CancellationToken ct = default) =>
        me.Has(Permissions.DossiersWrite) ? Mine().AnyAsync(d => d.Id == dossierId, ct) : Task.FromResult(false);

    /// <summary>Whether a wall keeps the user out of this (existing) dossier: then not even break-glass lets them in.</summary>
    public async Task<bool> IsWalledAsync(Guid dossierId, CancellationToken ct = default) =>
        !await Unwalled(db.Dossiers.Where(d => d.Id == dossierId), me.UserId ?? Guid.Empty).AnyAsync(ct);

    private IQueryable<Dossier> Filter(bool readAll)
    {
        if (me.UserId is not { } user || !me.Has(Permissions.DossiersRead))
        {
            return db.Dossiers.Where(d => false);
        }

        var now = clock.GetUtcNow();
        Expression<Func<Dossier, bool>> granted = d => db.DossierAccessGrants.Any(g => g.DossierId == d.Id && g.UserId == user && g.ExpiresAt > now);
        var inTeam = InTeam(user);
        var inTeamOrGranted = Expression.Lambda<Func<Dossier, bool>>(
            Expression.OrElse(inTeam.Body, new ParameterSwap(granted.Parameters[0], inTeam.Parameters[0]).Visit(granted.Body)), inTeam.Parameters);
        return Unwalled(readAll ? db.Dossiers : db.Dossiers.Where(inTeamOrGranted), user);
    }

    /// <summary>The one team rule: responsible lawyer, member, or member of a team added to the dossier.</summary>
    private Expression<Func<Dossier, bool>> InTeam(Guid user) =>
        d => d.ResponsibleLawyerId == user || d.Members.Any(m => m.UserId == user)
            || d.Teams.Any(t => db.TeamMembers.Any(m => m.TeamId == t.TeamId && m.UserId == user));

    /// <summary>The one wall rule: a wall around the dossier, or around a client of it, for the user or a team they are in.</summary>
    private IQueryable<Dossier> Unwalled(IQueryable<Dossier> dossiers, Guid user) =>
        dossiers.Where(d => !db.EthicalWalls.Any(w =>
            (w.UserId == user || (w.TeamId != null && db.TeamMembers.Any(m => m.TeamId == w.TeamId && m.UserId == user)))
            && (w.DossierId == d.Id
                || (w.ClientContactId != null && d.Parties.Any(p => p.Role == PartyRole.Client && p.ContactId == w.ClientContactId)))));

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
