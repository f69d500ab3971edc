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
    private static readonly string[] SignInActions =
        [AuditActions.SignInSucceeded, AuditActions.SignInFailed, AuditActions.SignInLockedOut, AuditActions.SignInTwoFactorFailed];

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
        FirmName = await db.Firms.Select(f => f.Name).SingleAsync();
        TwoFactorEnabled = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.TwoFactorEnabled).SingleAsync();
        RecentSignIns = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == me.UserId && SignInActions.Contains(a.Action))
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
            Overdue = await RowsAsync(mine.Where(d => d.DueDate < today));
            DueThisWeek = await RowsAsync(mine.Where(d => d.DueDate >= today && d.DueDate <= today.AddDays(6)));
            FatalSoon = await RowsAsync(mine.Where(d => d.Kind == Deadlines.DeadlineKind.Fatal && d.DueDate >= today && d.DueDate <= today.AddDays(13)));
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

    /// <summary>Ten rows shown; a few more read, so that one behind a wall does not leave the widget short.</summary>
    private async Task<List<DeadlineRow>> RowsAsync(IQueryable<Deadlines.Deadline> query)
    {
        var candidates = await query.OrderBy(d => d.DueDate).ThenBy(d => d.DueTime).ThenBy(d => d.Id).Take(WidgetRows * 3)
            .Select(d => new { d.Id, d.Title, d.DueDate, d.Kind, d.DossierId })
            .ToListAsync();
        var visible = await dossiers.VisibleNumbersAsync(candidates.Select(c => c.DossierId));
        return candidates.Where(c => visible.ContainsKey(c.DossierId)).Take(WidgetRows)
            .Select(c => new DeadlineRow(c.Id, c.Title, c.DueDate, c.Kind, visible[c.DossierId]))
            .ToList();
    }

    private const int WidgetRows = 10;

    public sealed record DeadlineRow(Guid Id, string Title, DateOnly DueDate, Deadlines.DeadlineKind Kind, string DossierNumber);

    public sealed record SignInRow(DateTimeOffset OccurredAt, string Action, string? IpAddress);
}
