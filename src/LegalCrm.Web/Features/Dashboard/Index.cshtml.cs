using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Dashboard;

/// <summary>
/// Where every working day starts: the deadlines one is responsible for that are overdue, due this week, and the fatal
/// ones of the next fourteen days; what one may administer; the account's recent sign-ins (so one notices one that
/// was not oneself).
/// </summary>
[AnySignedInUser]
public sealed class IndexModel(CrmDbContext db, CurrentUser me, Dossiers.DossierAccess dossiers, TimeProvider clock) : PageModel
{
    public string DisplayName => me.DisplayName ?? string.Empty;

    public string FirmName { get; private set; } = string.Empty;

    public bool TwoFactorEnabled { get; private set; }

    public List<(string Href, string Text)> AdminLinks { get; } = [];

    public IReadOnlyList<SignInRow> RecentSignIns { get; private set; } = [];

    public bool ShowsDeadlines => me.Has(Permissions.DeadlinesRead);

    public DateOnly Today { get; private set; }

    public IReadOnlyList<DeadlineRow> Overdue { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> DueThisWeek { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> FatalSoon { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var header = await db.Users.Where(u => u.Id == me.UserId)
            .Select(u => new { u.TwoFactorEnabled, Firm = db.Firms.Select(f => f.Name).FirstOrDefault() })
            .SingleAsync();
        FirmName = header.Firm ?? string.Empty;
        TwoFactorEnabled = header.TwoFactorEnabled;
        RecentSignIns = await db.AuditEntries.AsNoTracking()
            // As constants, so PostgreSQL sees the condition of the partial index for these actions (AuditConfiguration).
            .Where(a => a.UserId == me.UserId && EF.Constant(AuditActions.SignInAttempts).Contains(a.Action))
            .OrderByDescending(a => a.OccurredAt)
            .Take(5)
            .Select(a => new SignInRow(a.OccurredAt, a.Action, a.IpAddress))
            .ToListAsync();

        if (ShowsDeadlines && me.UserId is { } user)
        {
            Today = Infrastructure.Time.AmsterdamTime.Today(clock);
            var today = Today;
            // One's own open deadlines first, their dossiers checked afterwards (DossierAccess.VisibleNumbersAsync): far
            // cheaper than building every dossier the user may see, and a wall still hides what it should.
            var mine = db.Deadlines.AsNoTracking().Where(d => d.Status == Deadlines.DeadlineStatus.Open && d.ResponsibleUserIds.Contains(user));
            var overdue = await CandidatesAsync(mine.Where(d => d.DueDate < today));
            var thisWeek = await CandidatesAsync(mine.Where(d => d.DueDate >= today && d.DueDate <= today.AddDays(6)));
            var fatal = await CandidatesAsync(mine.Where(d => d.Kind == Deadlines.DeadlineKind.Fatal && d.DueDate >= today && d.DueDate <= today.AddDays(13)));
            // One look at which of their dossiers the user may see, for the three widgets together.
            var visible = await dossiers.VisibleNumbersAsync(overdue.Concat(thisWeek).Concat(fatal).Select(c => c.DossierId));
            Overdue = Rows(overdue, visible);
            DueThisWeek = Rows(thisWeek, visible);
            FatalSoon = Rows(fatal, visible);
        }

        if (me.Has(Permissions.AdminUsers))
        {
            AdminLinks.Add(("/Access/Users", "Users"));
            AdminLinks.Add(("/Access/Users/Invite", "Invite a user"));
        }

        if (me.Has(Permissions.AdminAudit))
        {
            AdminLinks.Add(("/Audit", "Audit trail"));
        }

        if (me.Has(Permissions.AdminSettings))
        {
            AdminLinks.Add(("/Access/Settings", "Firm settings"));
        }
    }

    /// <summary>
    /// Ten rows shown; a few more read, so that one behind a wall does not leave the widget short. The ids are picked
    /// from the open-deadlines index alone (it carries the responsible people and the kind), and only those rows are
    /// read: filtering the table's rows read every open deadline of the firm in the period.
    /// </summary>
    private Task<List<Candidate>> CandidatesAsync(IQueryable<Deadlines.Deadline> query)
    {
        var ids = query.OrderBy(d => d.DueDate).ThenBy(d => d.DueTime).ThenBy(d => d.Id).Take(WidgetRows * 3).Select(d => d.Id);
        return db.Deadlines.AsNoTracking().Where(d => ids.Contains(d.Id))
            .OrderBy(d => d.DueDate).ThenBy(d => d.DueTime).ThenBy(d => d.Id)
            .Select(d => new Candidate(d.Id, d.Title, d.DueDate, d.Kind, d.DossierId))
            .ToListAsync();
    }

    private static List<DeadlineRow> Rows(List<Candidate> candidates, Dictionary<Guid, string> visible) =>
        candidates.Where(c => visible.ContainsKey(c.DossierId)).Take(WidgetRows)
            .Select(c => new DeadlineRow(c.Id, c.Title, c.DueDate, c.Kind, visible[c.DossierId]))
            .ToList();

    private sealed record Candidate(Guid Id, string Title, DateOnly DueDate, Deadlines.DeadlineKind Kind, Guid DossierId);

    private const int WidgetRows = 10;

    public sealed record DeadlineRow(Guid Id, string Title, DateOnly DueDate, Deadlines.DeadlineKind Kind, string DossierNumber);

    public sealed record SignInRow(DateTimeOffset OccurredAt, string Action, string? IpAddress);
}
