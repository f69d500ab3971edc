using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Communications;
using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Tasks;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Agenda;

public enum AgendaItemKind
{
    Deadline,
    Task,
    Meeting,
}

/// <summary>
/// One entry of an agenda: an open deadline, an open task with a due date, or a logged meeting. <see cref="Time"/> is
/// Amsterdam wall-clock time when the item has one; <see cref="Minutes"/> the length of a meeting.
/// </summary>
public sealed record AgendaItem(
    AgendaItemKind Kind,
    Guid Id,
    DateOnly Date,
    TimeOnly? Time,
    int? Minutes,
    string Title,
    bool Fatal,
    string? Location,
    Guid? DossierId,
    string? DossierNumber)
{
    public string Link => Kind switch
    {
        AgendaItemKind.Deadline => $"/Deadlines/{Id}",
        AgendaItemKind.Task => $"/Tasks/{Id}",
        _ => $"/Communications/{Id}",
    };
}

/// <summary>Whose agenda: these people's deadlines and meetings, and the tasks of these people and teams.</summary>
public sealed record AgendaPeople(IReadOnlyList<Guid> UserIds, IReadOnlyList<Guid> TeamIds);

/// <summary>
/// The agenda's one query (pages and calendar feed): open deadlines the people are responsible for, their open tasks
/// and their teams' with a due date, and the meetings they took part in, between two dates — only what the user acting
/// may see. It starts from the dates and people (a few dozen rows) and then checks those rows' dossiers
/// (<see cref="DossierAccess.VisibleAmong"/>), instead of building every dossier the user may see.
/// </summary>
public sealed class AgendaItems(CrmDbContext db, DossierAccess dossiers, CurrentUser me)
{
    /// <summary>More than this per request is cut (a month of a large team); the page says so.</summary>
    public const int Limit = 1000;

    public async Task<IReadOnlyList<AgendaItem>> BetweenAsync(AgendaPeople who, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var users = who.UserIds.ToArray();
        var teams = who.TeamIds.ToArray();
        var items = new List<AgendaItem>();
        if (me.Has(Permissions.DeadlinesRead) && users.Length > 0)
        {
            // Ids first, from the index alone (it carries the responsible people), then only those rows.
            var ids = await db.Deadlines
                .Where(d => d.Status == DeadlineStatus.Open && d.DueDate >= from && d.DueDate <= to && d.ResponsibleUserIds.Any(u => users.Contains(u)))
                .OrderBy(d => d.DueDate).Take(Limit)
                .Select(d => d.Id)
                .ToListAsync(ct);
            items.AddRange(await db.Deadlines.AsNoTracking()
                .Where(d => ids.Contains(d.Id))
                .Select(d => new AgendaItem(AgendaItemKind.Deadline, d.Id, d.DueDate, d.DueTime, null, d.Title, d.Kind == DeadlineKind.Fatal, null, d.DossierId, null))
                .ToListAsync(ct));
        }

        if (me.Has(Permissions.TasksRead))
        {
            items.AddRange(await db.WorkTasks.AsNoTracking()
                .Where(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress) && t.DueDate >= from && t.DueDate <= to
                    && ((t.AssigneeUserId != null && users.Contains(t.AssigneeUserId.Value)) || (t.AssigneeTeamId != null && teams.Contains(t.AssigneeTeamId.Value))))
                .OrderBy(t => t.DueDate).Take(Limit)
                .Select(t => new AgendaItem(AgendaItemKind.Task, t.Id, t.DueDate!.Value, null, null, t.Title, false, null, t.DossierId, null))
                .ToListAsync(ct));
        }

        if (me.Has(Permissions.CommunicationsRead) && users.Length > 0)
        {
            var start = AmsterdamTime.StartOfDayUtc(from);
            var end = AmsterdamTime.StartOfDayUtc(to.AddDays(1));
            var meetings = await db.Communications.AsNoTracking()
                .Where(c => c.Kind == CommunicationKind.Meeting && c.OccurredAt >= start && c.OccurredAt < end
                    && c.Participants.Any(p => p.UserId != null && users.Contains(p.UserId.Value)))
                .OrderBy(c => c.OccurredAt).Take(Limit)
                .Select(c => new { c.Id, c.OccurredAt, c.DurationMinutes, c.Subject, c.Location, c.DossierId })
                .ToListAsync(ct);
            items.AddRange(meetings.Select(m =>
            {
                var local = AmsterdamTime.ToLocal(m.OccurredAt).DateTime;
                return new AgendaItem(AgendaItemKind.Meeting, m.Id, DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), m.DurationMinutes, m.Subject, false, m.Location, m.DossierId, null);
            }));
        }

        return await VisibleAsync(items, ct);
    }

    /// <summary>
    /// Drops what lies in a dossier the user may not see (and, outside dossiers, meetings without <c>clients.read</c>),
    /// and fills in the dossier numbers; ordered by day, then timed items first.
    /// </summary>
    private async Task<IReadOnlyList<AgendaItem>> VisibleAsync(List<AgendaItem> items, CancellationToken ct)
    {
        var numbers = await dossiers.VisibleNumbersAsync(items.Where(i => i.DossierId is not null).Select(i => i.DossierId!.Value), ct);
        var outsideDossiersVisible = me.Has(Permissions.ClientsRead);
        return items
            .Where(i => i.DossierId is { } dossier ? numbers.ContainsKey(dossier) : i.Kind != AgendaItemKind.Meeting || outsideDossiersVisible)
            .Select(i => i.DossierId is { } dossier ? i with { DossierNumber = numbers[dossier] } : i)
            .OrderBy(i => i.Date).ThenBy(i => i.Time is null).ThenBy(i => i.Time).ThenBy(i => i.Kind).ThenBy(i => i.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The agenda of the user acting: their own items and their teams' tasks.</summary>
    public AgendaPeople Mine() => new(me.UserId is { } user ? [user] : [], me.TeamIds);

    /// <summary>A team's agenda: its members' items and the team's tasks.</summary>
    public async Task<AgendaPeople?> OfTeamAsync(Guid teamId, CancellationToken ct = default)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct))
        {
            return null;
        }

        var members = await db.TeamMembers.Where(m => m.TeamId == teamId).Select(m => m.UserId).ToListAsync(ct);
        return new AgendaPeople(members, [teamId]);
    }
}
