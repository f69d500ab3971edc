using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Tasks;

/// <summary>
/// Tasks in a dossier follow the dossier (<see cref="DossierAccess"/>); other tasks are the firm's, seen by everyone with
/// <c>tasks.read</c>. Changing takes <c>tasks.write</c> and, in a dossier, a place in its team while it is not closed.
/// </summary>
public sealed class WorkTaskAccess(CrmDbContext db, DossierAccess dossiers, CurrentUser me)
{
    public IQueryable<WorkTask> Visible()
    {
        if (!me.Has(Permissions.TasksRead))
        {
            return db.WorkTasks.Where(t => false);
        }

        var visible = dossiers.Visible().Select(d => (Guid?)d.Id);
        return db.WorkTasks.Where(t => t.DossierId == null || visible.Contains(t.DossierId));
    }

    public async Task<WorkTask?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var task = await db.WorkTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        return task is not null && me.Has(Permissions.TasksRead) && (task.DossierId is not { } dossier || await dossiers.CanSeeAsync(dossier, ct)) ? task : null;
    }

    /// <summary>Whether the user may add tasks to this dossier (null: a task outside dossiers) or change its tasks.</summary>
    public async Task<bool> CanWriteAsync(Guid? dossierId, CancellationToken ct = default)
    {
        if (!me.Has(Permissions.TasksWrite))
        {
            return false;
        }

        if (dossierId is not { } id)
        {
            return true;
        }

        var status = await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => (DossierStatus?)d.Status).SingleOrDefaultAsync(ct);
        return status is { } s && !DossierLifecycle.IsReadOnly(s) && await dossiers.CanEditAsync(id, ct);
    }
}

/// <summary>Who a task can go to: a colleague or a team, as one select value ("user:…", "team:…").</summary>
public static class Assignee
{
    public static string Of(Guid? user, Guid? team) => user is { } u ? "user:" + u : team is { } t ? "team:" + t : string.Empty;

    public static (Guid? User, Guid? Team) Parse(string? value) =>
        value?.Split(':') is [var kind, var id] && Guid.TryParse(id, out var guid)
            ? kind switch { "user" => (guid, null), "team" => (null, guid), _ => (null, null) }
            : (null, null);
}
