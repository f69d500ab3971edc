using System.Linq.Expressions;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// The one answer to "may this user see this dossier": its team (responsible lawyer, members, members of the teams
/// added to it), or everyone with <c>dossiers.read.all</c>, or someone who broke the glass for a while
/// (<see cref="DossierAccessGrant"/>) — never someone behind an ethical wall, which beats every other rule. Every
/// list, search, client page section, download and export of dossier data starts from <see cref="Visible"/>,
/// <see cref="VisibleAmong"/> or <see cref="FindAsync"/>, so a restricted dossier cannot leak through a count or a search hit (professional secrecy,
/// Advocatenwet art. 10a/11a).
/// </summary>
/// <remarks>
/// Team membership comes from <see cref="CurrentUser.TeamIds"/>, read with the permissions at the start of the request.
/// The rule is written twice, in two shapes PostgreSQL plans well, and a test holds them to the same answers:
/// for lists as "id in (a set that does not depend on the row)", which PostgreSQL builds once and hashes (OR-ed EXISTS
/// clauses cost an index probe per dossier of the firm: the "my dossiers" list took ~210 ms at 50,000 dossiers); for one
/// dossier as EXISTS per row, which costs a few index probes where the sets would be built whole (20,000 ids for a
/// lawyer in many teams).
/// </remarks>
public sealed class DossierAccess(CrmDbContext db, CurrentUser me, TimeProvider clock)
{
    /// <summary>Every dossier the user may see (for lists, searches, counts).</summary>
    public IQueryable<Dossier> Visible() =>
        me.UserId is { } user
            ? VisibleTo(user, me.Has(Permissions.DossiersRead), me.Has(Permissions.DossiersReadAll), me.TeamIds)
            : db.Dossiers.Where(d => false);

    /// <summary>
    /// The same rule for any user of the firm, given their dossier permissions and teams: what the access review reports
    /// as the dossiers someone can reach.
    /// </summary>
    public IQueryable<Dossier> VisibleTo(Guid user, bool readsDossiers, bool readsAll, IReadOnlyList<Guid> teams) =>
        readsDossiers
            ? WithoutWalls(readsAll ? db.Dossiers : db.Dossiers.Where(Or(InTeam(user, teams), Granted(user))), user, teams)
            : db.Dossiers.Where(d => false);

    /// <summary>The dossiers whose team the user is in ("my dossiers"), walls still applying.</summary>
    public IQueryable<Dossier> Mine() =>
        me.UserId is { } user && me.Has(Permissions.DossiersRead)
            ? WithoutWalls(db.Dossiers.Where(InTeam(user, me.TeamIds)), user, me.TeamIds)
            : db.Dossiers.Where(d => false);

    /// <summary>One dossier, if the user may see it (the dossier's pages start here).</summary>
    public Task<Dossier?> FindAsync(Guid dossierId, bool tracked = false, CancellationToken ct = default)
    {
        var one = VisibleAmong(db.Dossiers.Where(d => d.Id == dossierId));
        return (tracked ? one : one.AsNoTracking()).SingleOrDefaultAsync(ct);
    }

    public Task<bool> CanSeeAsync(Guid dossierId, CancellationToken ct = default) => VisibleAmong(db.Dossiers.Where(d => d.Id == dossierId)).AnyAsync(ct);

    /// <summary>
    /// Those of a handful of dossiers, already narrowed down (one contact's dossiers, a conflict check's hits), the user
    /// may see: the same rule as <see cref="Visible"/>, checked row by row.
    /// </summary>
    public IQueryable<Dossier> VisibleAmong(IQueryable<Dossier> few)
    {
        if (me.UserId is not { } user || !me.Has(Permissions.DossiersRead))
        {
            return db.Dossiers.Where(d => false);
        }

        if (!me.Has(Permissions.DossiersReadAll))
        {
            var now = clock.GetUtcNow();
            Expression<Func<Dossier, bool>> granted = d => db.DossierAccessGrants.Any(g => g.DossierId == d.Id && g.UserId == user && g.ExpiresAt > now);
            few = few.Where(Or(IsInTeam(user), granted));
        }

        return NotWalled(few, user);
    }

    /// <summary>
    /// Which of these dossiers (the few behind a page's rows) the user may see, with their numbers: for lists that start
    /// from their own rows (the agenda, the dashboard) and check visibility afterwards.
    /// </summary>
    public async Task<Dictionary<Guid, string>> VisibleNumbersAsync(IEnumerable<Guid> dossierIds, CancellationToken ct = default)
    {
        var ids = dossierIds.Distinct().ToList();
        return ids.Count == 0
            ? []
            : await VisibleAmong(db.Dossiers.Where(d => ids.Contains(d.Id))).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
    }

    /// <summary>
    /// Whether the user reaches at least one in ten of the firm's dossiers (everything with <c>dossiers.read.all</c>, or
    /// through their teams and own dossiers): a list read in its own order then meets a visible row every few rows, so
    /// checking rows one by one (<see cref="VisibleAmong"/>) beats building the set of every visible dossier; for
    /// someone who sees a handful, the set is small and the walk would read the whole list. An estimate from two
    /// index-only counts, not the rule itself.
    /// </summary>
    public async Task<bool> ReachesLargeShareAsync(CancellationToken ct = default)
    {
        if (me.UserId is not { } user || !me.Has(Permissions.DossiersRead))
        {
            return false;
        }

        if (me.Has(Permissions.DossiersReadAll))
        {
            return true;
        }

        var myTeams = me.TeamIds;
        var reach = await db.Dossiers.CountAsync(d => d.ResponsibleLawyerId == user, ct) + await db.DossierTeams.CountAsync(t => myTeams.Contains(t.TeamId), ct);
        return reach * 10 >= await db.Dossiers.CountAsync(ct);
    }

    /// <summary>Changing a dossier takes <c>dossiers.write</c> and a place in its team: seeing all is not working on all.</summary>
    public Task<bool> CanEditAsync(Guid dossierId, CancellationToken ct = default) => Editable(dossierId).AnyAsync(ct);

    /// <summary>The dossier if the user may change it (see <see cref="CanEditAsync"/>), else nothing: to ask inside a larger query.</summary>
    public IQueryable<Dossier> Editable(Guid dossierId) =>
        me.UserId is { } user && me.Has(Permissions.DossiersRead) && me.Has(Permissions.DossiersWrite)
            ? NotWalled(db.Dossiers.Where(d => d.Id == dossierId).Where(IsInTeam(user)), user)
            : db.Dossiers.Where(d => false);

    /// <summary>Adding or changing documents: <c>documents.write</c>, a place in the team, and a dossier that is not closed.</summary>
    public async Task<bool> CanChangeDocumentsAsync(Dossier dossier, CancellationToken ct = default) =>
        !dossier.IsReadOnly && me.Has(Permissions.DocumentsWrite) && await CanEditAsync(dossier.Id, ct);

    /// <summary>Whether a wall keeps the user out of this (existing) dossier: then not even break-glass lets them in.</summary>
    public async Task<bool> IsWalledAsync(Guid dossierId, CancellationToken ct = default) =>
        !await NotWalled(db.Dossiers.Where(d => d.Id == dossierId), me.UserId ?? Guid.Empty).AnyAsync(ct);

    // ---- Set shape, for lists ----

    private Expression<Func<Dossier, bool>> InTeam(Guid user, IReadOnlyList<Guid> teams)
    {
        var asMember = db.Set<DossierMember>().Where(m => m.UserId == user).Select(m => m.DossierId);
        var viaTeams = db.DossierTeams.Where(t => teams.Contains(t.TeamId)).Select(t => t.DossierId);
        return d => d.ResponsibleLawyerId == user || asMember.Contains(d.Id) || viaTeams.Contains(d.Id);
    }

    private Expression<Func<Dossier, bool>> Granted(Guid user)
    {
        var now = clock.GetUtcNow();
        var granted = db.DossierAccessGrants.Where(g => g.UserId == user && g.ExpiresAt > now).Select(g => g.DossierId);
        return d => granted.Contains(d.Id);
    }

    private IQueryable<Dossier> WithoutWalls(IQueryable<Dossier> dossiers, Guid user, IReadOnlyList<Guid> teams)
    {
        var (walledDossiers, walledViaClients) = Walls(user, teams);
        return dossiers.Where(d => !walledDossiers.Contains(d.Id) && !walledViaClients.Contains(d.Id));
    }

    /// <summary>
    /// The dossiers a wall keeps <paramref name="user"/> (in <paramref name="teams"/>) out of — for someone other than the
    /// current user too, such as the colleague a leaver's dossiers would go to.
    /// </summary>
    public IQueryable<Guid> WalledFor(Guid user, IReadOnlyList<Guid> teams)
    {
        var (walledDossiers, walledViaClients) = Walls(user, teams);
        return walledDossiers.Union(walledViaClients);
    }

    /// <summary>Walls around the dossier itself, and around every dossier of a client (two sets: the list query keeps them apart for its plan).</summary>
    private (IQueryable<Guid> Dossiers, IQueryable<Guid> ViaClients) Walls(Guid user, IReadOnlyList<Guid> teams)
    {
        var userTeams = teams.Select(t => (Guid?)t).ToList();
        var walls = db.EthicalWalls.Where(w => w.UserId == user || userTeams.Contains(w.TeamId));
        var walledClients = walls.Where(w => w.ClientContactId != null).Select(w => w.ClientContactId!.Value);
        return (
            walls.Where(w => w.DossierId != null).Select(w => w.DossierId!.Value),
            db.Set<DossierParty>().Where(p => p.Role == PartyRole.Client && walledClients.Contains(p.ContactId)).Select(p => p.DossierId));
    }

    // ---- Row shape, for one dossier: the same rules ----

    private Expression<Func<Dossier, bool>> IsInTeam(Guid user)
    {
        var myTeams = me.TeamIds;
        return d => d.ResponsibleLawyerId == user || d.Members.Any(m => m.UserId == user) || d.Teams.Any(t => myTeams.Contains(t.TeamId));
    }

    private IQueryable<Dossier> NotWalled(IQueryable<Dossier> dossiers, Guid user)
    {
        var myTeams = me.TeamIds.Select(t => (Guid?)t).ToList();
        return dossiers.Where(d => !db.EthicalWalls.Any(w =>
            (w.UserId == user || myTeams.Contains(w.TeamId))
            && (w.DossierId == d.Id
                || (w.ClientContactId != null && d.Parties.Any(p => p.Role == PartyRole.Client && p.ContactId == w.ClientContactId)))));
    }

    private static Expression<Func<Dossier, bool>> Or(Expression<Func<Dossier, bool>> left, Expression<Func<Dossier, bool>> right) =>
        Expression.Lambda<Func<Dossier, bool>>(
            Expression.OrElse(left.Body, new ParameterSwap(right.Parameters[0], left.Parameters[0]).Visit(right.Body)), left.Parameters);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
