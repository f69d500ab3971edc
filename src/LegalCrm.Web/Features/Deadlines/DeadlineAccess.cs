using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Deadlines;

/// <summary>
/// Deadlines follow their dossier: seen by whoever may see the dossier (<see cref="DossierAccess"/>) with
/// <c>deadlines.read</c>; changed by its team with <c>deadlines.write</c> while the dossier is not closed; a fatal one
/// moved, cancelled or deleted only with <c>deadlines.fatal.manage</c> as well.
/// </summary>
public sealed class DeadlineAccess(CrmDbContext db, DossierAccess dossiers, CurrentUser me)
{
    /// <summary>The deadlines of every dossier the user may see (lists, agenda).</summary>
    public IQueryable<Deadline> Visible()
    {
        if (!me.Has(Permissions.DeadlinesRead))
        {
            return db.Deadlines.Where(d => false);
        }

        var visible = dossiers.Visible().Select(d => d.Id);
        return db.Deadlines.Where(d => visible.Contains(d.DossierId));
    }

    /// <summary>
    /// The same rule checked row by row, for lists read in date order whose walk is short (one's own deadlines, a window
    /// of days, a user who sees much of the firm: <see cref="DossierAccess.ReachesLargeShareAsync"/>): a few probes per
    /// row instead of building every dossier the user may see (20,000 for a lawyer in a big section): at 200,000
    /// deadlines "my deadlines" went from 177 to 30 ms (p95). Not for tasks: there the "outside a dossier" alternative
    /// keeps PostgreSQL from a semi-join and the list became slower (88 → 203 ms).
    /// </summary>
    public IQueryable<Deadline> VisibleRowByRow()
    {
        if (!me.Has(Permissions.DeadlinesRead))
        {
            return db.Deadlines.Where(d => false);
        }

        var visible = dossiers.VisibleAmong(db.Dossiers);
        return db.Deadlines.Where(d => visible.Any(x => x.Id == d.DossierId));
    }

    public async Task<Deadline?> FindAsync(Guid id, bool tracked = false, CancellationToken ct = default)
    {
        var query = tracked ? db.Deadlines : db.Deadlines.AsNoTracking();
        var deadline = await query.SingleOrDefaultAsync(d => d.Id == id, ct);
        return deadline is not null && me.Has(Permissions.DeadlinesRead) && await dossiers.CanSeeAsync(deadline.DossierId, ct) ? deadline : null;
    }

    /// <summary>Whether the user may add deadlines to this dossier, or change its deadlines (the dossier is not closed).</summary>
    public async Task<bool> CanWriteAsync(Dossier dossier, CancellationToken ct = default) =>
        !dossier.IsReadOnly && me.Has(Permissions.DeadlinesWrite) && await dossiers.CanEditAsync(dossier.Id, ct);

    /// <summary>Moving, cancelling or deleting: for a fatal deadline this takes <c>deadlines.fatal.manage</c> as well.</summary>
    public bool MayAlter(Deadline deadline) => !deadline.IsFatal || me.Has(Permissions.DeadlinesFatalManage);
}

/// <summary>The firm's holidays: computed ones plus the designated days an admin keeps (<see cref="DesignatedHoliday"/>).</summary>
public static class FirmHolidays
{
    public static async Task<DutchHolidays> LoadAsync(CrmDbContext db, CancellationToken ct = default) =>
        new(await db.DesignatedHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct));
}
