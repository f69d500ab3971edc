using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Agenda;

/// <summary>
/// The personal agenda — or a team's — as a day, a week, a month or a list: open deadlines (fatal ones marked), open
/// tasks by due date and logged meetings, each linking to its page. Only what the user may see is shown.
/// </summary>
[AnySignedInUser]
public sealed class IndexModel(CrmDbContext db, AgendaItems agenda, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AgendaView View { get; set; } = AgendaView.Week;

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    /// <summary>A team's agenda instead of one's own.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Team { get; set; }

    public DateOnly Today { get; private set; }

    public AgendaPeriod Period { get; private set; } = null!;

    public string? TeamName { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    public ILookup<DateOnly, AgendaItem> ItemsByDay { get; private set; } = Array.Empty<AgendaItem>().ToLookup(i => i.Date);

    public bool Cut { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Today = AmsterdamTime.Today(clock);
        Period = AgendaPeriod.Of(View, Date ?? Today);
        Teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync()).Select(t => (t.Id, t.Name)).ToList();
        var who = agenda.Mine();
        if (Team is { } team)
        {
            if (await agenda.OfTeamAsync(team) is not { } members)
            {
                return NotFound();
            }

            who = members;
            TeamName = Teams.First(t => t.Id == team).Name;
        }

        var items = await agenda.BetweenAsync(who, Period.From, Period.To);
        Cut = items.Count >= AgendaItems.Limit;
        ItemsByDay = items.ToLookup(i => i.Date);
        return Page();
    }

    /// <summary>The address of this agenda for another view or date, keeping the team.</summary>
    public string Link(AgendaView view, DateOnly date) =>
        $"/Agenda?view={view.ToString().ToLowerInvariant()}&date={date:yyyy-MM-dd}" + (Team is { } team ? $"&team={team}" : string.Empty);
}
