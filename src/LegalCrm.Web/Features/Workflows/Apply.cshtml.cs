using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Workflows;

/// <summary>
/// A date in the dossier becomes known ("the judgment was given on…"): entering it creates the deadlines and tasks the
/// dossier type's workflow attaches to that date — each step once. Shows what was already made, and from which date.
/// </summary>
[RequirePermission(Permissions.DeadlinesWrite)]
public sealed class ApplyModel(DossierAccess dossiers, WorkflowInstantiation workflows, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Which date is entered (one of the template steps' date names).</summary>
    [BindProperty]
    public string? DateLabel { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    public Dossier Dossier { get; private set; } = null!;

    public IReadOnlyList<(string Label, IReadOnlyList<(WorkflowStep Step, WorkflowApplication? Applied)> Steps)> Dates { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Dossier.IsReadOnly || !await dossiers.CanEditAsync(Dossier.Id))
        {
            return Forbid();
        }

        var entry = Dates.FirstOrDefault(d => string.Equals(d.Label, DateLabel?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (entry.Label is null)
        {
            ModelState.AddModelError(string.Empty, l["Choose one of the dates of this dossier's workflow."]);
        }
        else if (Date is null)
        {
            ModelState.AddModelError(nameof(Date), l["Enter the date."]);
        }
        else if (entry.Steps.Any(s => s.Applied is null && s.Step.Kind == WorkflowStepKind.Task) && !me.Has(Permissions.TasksWrite))
        {
            ModelState.AddModelError(string.Empty, l["This date also creates tasks, and your role cannot add tasks. Ask a colleague who can."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (deadlines, tasks) = await workflows.ApplyAsync(Dossier, WorkflowTrigger.DateEntered, Date!.Value, entry.Label);
        TempData["Status"] = deadlines + tasks == 0
            ? l["Everything for this date had already been created."].Value
            : l["{0} deadlines and {1} tasks have been created from {2}.", deadlines, tasks, Date.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)].Value;
        return Redirect($"/Dossiers/{Dossier.Id}");
    }

    private async Task<bool> LoadAsync()
    {
        if (await dossiers.FindAsync(Id) is not { } dossier)
        {
            return false;
        }

        Dossier = dossier;
        Today = AmsterdamTime.Today(clock);
        var dates = new List<(string, IReadOnlyList<(WorkflowStep, WorkflowApplication?)>)>();
        foreach (var label in await workflows.DateLabelsAsync(dossier.DossierType))
        {
            dates.Add((label, await workflows.StepsAsync(dossier.Id, dossier.DossierType, WorkflowTrigger.DateEntered, label)));
        }

        Dates = dates;
        return true;
    }
}
