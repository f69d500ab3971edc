using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LegalCrm.Web.Features.Deadlines;

/// <summary>
/// The deadlines one is responsible for (or all one may see), soonest first: overdue ones at the top, fatal ones
/// marked. Filtered and paged in SQL.
/// </summary>
[RequirePermission(Permissions.DeadlinesRead)]
public sealed class IndexModel(CrmDbContext db, DeadlineAccess deadlines, DossierAccess dossiers, CurrentUser me, TimeProvider clock) : PageModel
{
    /// <summary>"all" for every deadline the user may see; otherwise those they are responsible for.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeadlineKind? Kind { get; set; }

    /// <summary>One dossier's deadlines (from the dossier page).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Dossier { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeadlineStatus Status { get; set; } = DeadlineStatus.Open;

    /// <summary>Days ahead to show (7, 14, 30…); null for all.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Within { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public bool AllVisible => Scope == "all";

    public DateOnly Today { get; private set; }

    public PageOf<Row> Deadlines { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public async Task OnGetAsync()
    {
        Today = AmsterdamTime.Today(clock);
        // Read in date order and checked row by row when the walk is short: one's own deadlines, a window of days, one
        // dossier, or someone who sees much of the firm; otherwise against the (small) set of dossiers they may see.
        var window = Within is { } days and > 0 and <= 366 ? Today.AddDays(days) : (DateOnly?)null;
        var rowByRow = !AllVisible || window is not null || Dossier is not null || await dossiers.ReachesLargeShareAsync();
        var query = (rowByRow ? deadlines.VisibleRowByRow() : deadlines.Visible()).Where(d => d.Status == Status);
        if (!AllVisible && me.UserId is { } user)
        {
            query = query.Where(d => d.ResponsibleUserIds.Contains(user));
        }

        if (Dossier is { } dossier)
        {
            query = query.Where(d => d.DossierId == dossier);
        }

        if (Kind is { } kind)
        {
            query = query.Where(d => d.Kind == kind);
        }

        if (window is { } until)
        {
            query = query.Where(d => d.DueDate <= until);
        }

        var ordered = Status == DeadlineStatus.Open
            ? query.OrderBy(d => d.DueDate).ThenBy(d => d.DueTime).ThenBy(d => d.Id)
            : query.OrderByDescending(d => d.DueDate).ThenBy(d => d.Id);
        Deadlines = await ordered
            .Join(db.Dossiers, d => d.DossierId, x => x.Id, (d, x) => new Row(d.Id, d.Title, d.DueDate, d.DueTime, d.Kind, d.Status, x.Id, x.Number, x.Title))
            .ToPageAsync(PageNumber);
    }

    public sealed record Row(Guid Id, string Title, DateOnly DueDate, TimeOnly? DueTime, DeadlineKind Kind, DeadlineStatus Status, Guid DossierId, string DossierNumber, string DossierTitle);
}
