using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Dpias;

/// <summary>
/// Records a DPIA of one activity with the four parts of AVG art. 35(7); it can only be completed with all four, an
/// outcome and a date. A high residual risk means the supervisor is consulted before processing (art. 36).
/// </summary>
[RequirePermission(Permissions.PrivacyRegister)]
public sealed class EditModel(CrmDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    /// <summary>The activity a new DPIA starts from (from the register).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Activity { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Activities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadActivitiesAsync();
        if (Id is { } id)
        {
            if (await db.Dpias.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id) is not { } dpia)
            {
                return NotFound();
            }

            Input = new InputModel
            {
                ActivityId = dpia.ActivityId,
                Title = dpia.Title,
                Status = dpia.Status,
                Description = dpia.Description,
                NecessityAndProportionality = dpia.NecessityAndProportionality,
                Risks = dpia.Risks,
                Measures = dpia.Measures,
                Outcome = dpia.Outcome,
                CompletedOn = dpia.CompletedOn,
            };
        }
        else if (Activity is { } activity && Activities.Any(a => a.Id == activity))
        {
            Input.ActivityId = activity;
            Input.Title = l["DPIA {0}", Activities.First(a => a.Id == activity).Name].Value;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadActivitiesAsync();
        var dpia = Id is { } id ? await db.Dpias.SingleOrDefaultAsync(d => d.Id == id) : new Dpia();
        if (dpia is null)
        {
            return NotFound();
        }

        var title = Input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200)
        {
            ModelState.AddModelError("Input.Title", l["Enter a title of at most 200 characters."]);
        }

        if (Input.ActivityId is not { } activityId || Activities.All(a => a.Id != activityId))
        {
            ModelState.AddModelError("Input.ActivityId", l["Choose the activity of the register this DPIA assesses."]);
        }

        PrivacyForms.CheckLengths(ModelState, l,
        [
            (nameof(InputModel.Description), Input.Description, ProcessingRegisterLimits.LongText),
            (nameof(InputModel.NecessityAndProportionality), Input.NecessityAndProportionality, ProcessingRegisterLimits.LongText),
            (nameof(InputModel.Risks), Input.Risks, ProcessingRegisterLimits.LongText),
            (nameof(InputModel.Measures), Input.Measures, ProcessingRegisterLimits.LongText),
        ]);

        if (Input.CompletedOn > AmsterdamTime.Today(clock))
        {
            ModelState.AddModelError("Input.CompletedOn", l["A DPIA cannot be completed after today."]);
        }

        var candidate = new Dpia
        {
            Status = Input.Status,
            Description = PrivacyForms.Clean(Input.Description),
            NecessityAndProportionality = PrivacyForms.Clean(Input.NecessityAndProportionality),
            Risks = PrivacyForms.Clean(Input.Risks),
            Measures = PrivacyForms.Clean(Input.Measures),
            Outcome = Input.Outcome,
            CompletedOn = Input.CompletedOn,
        };
        if (PrivacyRules.CompletionRefusal(candidate) is { } refusal)
        {
            ModelState.AddModelError("Input.Status", l[refusal]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        dpia.ActivityId = Input.ActivityId!.Value;
        dpia.Title = title!;
        (dpia.Status, dpia.Description, dpia.NecessityAndProportionality, dpia.Risks, dpia.Measures, dpia.Outcome, dpia.CompletedOn) =
            (candidate.Status, candidate.Description, candidate.NecessityAndProportionality, candidate.Risks, candidate.Measures, candidate.Outcome,
             candidate.Status == DpiaStatus.Completed ? candidate.CompletedOn : null);
        if (Id is null)
        {
            db.Dpias.Add(dpia);
        }

        await db.SaveChangesAsync();
        TempData["Status"] = (dpia.Outcome == DpiaOutcome.HighResidualRisk
            ? l["The DPIA has been saved. A high residual risk: consult the Autoriteit Persoonsgegevens before the processing starts (art. 36 AVG)."]
            : l["The DPIA has been saved."]).Value;
        return Redirect("/Privacy/Dpias");
    }

    private async Task LoadActivitiesAsync() => Activities = await PrivacyForms.ActivityNamesAsync(db);

    public sealed class InputModel
    {
        public Guid? ActivityId { get; set; }

        public string? Title { get; set; }

        public DpiaStatus Status { get; set; }

        public string? Description { get; set; }

        public string? NecessityAndProportionality { get; set; }

        public string? Risks { get; set; }

        public string? Measures { get; set; }

        public DpiaOutcome Outcome { get; set; }

        public DateOnly? CompletedOn { get; set; }
    }
}
