using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Register;

/// <summary>
/// Adds or changes one processing activity. Saving with items still missing is allowed (the register grows as the
/// officer learns), and the page says what is missing; an activity that stopped is ended with a date rather than
/// deleted, so the register shows what was processed when. A mistaken entry can be deleted (audited).
/// </summary>
[RequirePermission(Permissions.PrivacyRegister)]
public sealed class EditModel(CrmDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<string> Gaps { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Title, DpiaStatus Status)> Dpias { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Processors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            if (await db.ProcessingActivities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id) is not { } activity)
            {
                return NotFound();
            }

            Input = InputModel.From(activity);
            Gaps = RegisterCompleteness.Gaps(activity);
            Dpias = (await db.Dpias.AsNoTracking().Where(d => d.ActivityId == id).OrderBy(d => d.Title).Select(d => new { d.Id, d.Title, d.Status }).ToListAsync())
                .Select(d => (d.Id, d.Title, d.Status)).ToList();
            Processors = (await db.Processors.AsNoTracking().Where(p => p.ActivityIds.Contains(id)).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync())
                .Select(p => (p.Id, p.Name)).ToList();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var activity = Id is { } id ? await db.ProcessingActivities.SingleOrDefaultAsync(a => a.Id == id) : new ProcessingActivity();
        if (activity is null)
        {
            return NotFound();
        }

        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError("Input.Name", l["Enter a name of at most 200 characters."]);
        }
        else if ((await db.ProcessingActivities.Where(a => a.Id != activity.Id).Select(a => a.Name).ToListAsync()).Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Name", l["The register already has an activity with this name."]);
        }

        PrivacyForms.CheckLengths(ModelState, l, Input.Texts());

        var today = AmsterdamTime.Today(clock);
        if (Input.Status == ActivityStatus.Ended && Input.EndedOn is null)
        {
            ModelState.AddModelError("Input.EndedOn", l["Enter the date the activity ended."]);
        }
        else if (Input.Status == ActivityStatus.Ended && Input.EndedOn > today)
        {
            ModelState.AddModelError("Input.EndedOn", l["An activity cannot have ended after today; end it on the day it stops."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Input.ApplyTo(activity, name!);
        activity.UpdatedAt = clock.GetUtcNow();
        if (Id is null)
        {
            db.ProcessingActivities.Add(activity);
        }

        await db.SaveChangesAsync();
        var gaps = RegisterCompleteness.Gaps(activity);
        TempData["Status"] = (gaps.Count == 0
            ? l["\"{0}\" has been saved and is complete.", activity.Name]
            : l["\"{0}\" has been saved; {1} items are still missing.", activity.Name, gaps.Count]).Value;
        return Redirect("/Privacy/Register");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (Id is not { } id || await db.ProcessingActivities.SingleOrDefaultAsync(a => a.Id == id) is not { } activity)
        {
            return NotFound();
        }

        if (await db.Dpias.AnyAsync(d => d.ActivityId == id))
        {
            // A DPIA is evidence of how the risk was weighed: it stays, and so does the activity it assessed.
            TempData["Error"] = l["\"{0}\" has a DPIA and cannot be deleted; end the activity instead.", activity.Name].Value;
            return Redirect($"/Privacy/Register/Edit/{id}");
        }

        foreach (var processor in await db.Processors.Where(p => p.ActivityIds.Contains(id)).ToListAsync())
        {
            processor.ActivityIds = [.. processor.ActivityIds.Where(a => a != id)];
        }

        db.ProcessingActivities.Remove(activity);
        await db.SaveChangesAsync();
        TempData["Status"] = l["\"{0}\" has been deleted from the register.", activity.Name].Value;
        return Redirect("/Privacy/Register");
    }

    public sealed class InputModel
    {
        public string? Name { get; set; }

        public string? JointControllers { get; set; }

        public string? Purposes { get; set; }

        public LawfulBasis? LawfulBasis { get; set; }

        public string? LawfulBasisExplanation { get; set; }

        public string? DataSubjectCategories { get; set; }

        public string? PersonalDataCategories { get; set; }

        public string? SpecialCategories { get; set; }

        public bool CriminalData { get; set; }

        public string? Recipients { get; set; }

        public string? ThirdCountryTransfers { get; set; }

        public TransferSafeguard TransferSafeguard { get; set; }

        public string? RetentionPeriod { get; set; }

        public string? SecurityMeasures { get; set; }

        public List<StoredDataCategory> StoredData { get; set; } = [];

        public string? Remarks { get; set; }

        public ActivityStatus Status { get; set; }

        public DateOnly? EndedOn { get; set; }

        public static InputModel From(ProcessingActivity a) => new()
        {
            Name = a.Name,
            JointControllers = a.JointControllers,
            Purposes = a.Purposes,
            LawfulBasis = a.LawfulBasis,
            LawfulBasisExplanation = a.LawfulBasisExplanation,
            DataSubjectCategories = a.DataSubjectCategories,
            PersonalDataCategories = a.PersonalDataCategories,
            SpecialCategories = a.SpecialCategories,
            CriminalData = a.CriminalData,
            Recipients = a.Recipients,
            ThirdCountryTransfers = a.ThirdCountryTransfers,
            TransferSafeguard = a.TransferSafeguard,
            RetentionPeriod = a.RetentionPeriod,
            SecurityMeasures = a.SecurityMeasures,
            StoredData = [.. a.StoredData],
            Remarks = a.Remarks,
            Status = a.Status,
            EndedOn = a.EndedOn,
        };

        /// <summary>The free texts with their limits, to check and to trim in one place.</summary>
        public IEnumerable<(string Field, string? Text, int Max)> Texts() =>
        [
            (nameof(JointControllers), JointControllers, ProcessingRegisterLimits.ShortText),
            (nameof(Purposes), Purposes, ProcessingRegisterLimits.LongText),
            (nameof(LawfulBasisExplanation), LawfulBasisExplanation, ProcessingRegisterLimits.ShortText),
            (nameof(DataSubjectCategories), DataSubjectCategories, ProcessingRegisterLimits.LongText),
            (nameof(PersonalDataCategories), PersonalDataCategories, ProcessingRegisterLimits.LongText),
            (nameof(SpecialCategories), SpecialCategories, ProcessingRegisterLimits.LongText),
            (nameof(Recipients), Recipients, ProcessingRegisterLimits.LongText),
            (nameof(ThirdCountryTransfers), ThirdCountryTransfers, ProcessingRegisterLimits.LongText),
            (nameof(RetentionPeriod), RetentionPeriod, ProcessingRegisterLimits.LongText),
            (nameof(SecurityMeasures), SecurityMeasures, ProcessingRegisterLimits.LongText),
            (nameof(Remarks), Remarks, ProcessingRegisterLimits.LongText),
        ];

        public void ApplyTo(ProcessingActivity a, string name)
        {
            a.Name = name;
            a.JointControllers = PrivacyForms.Clean(JointControllers);
            a.Purposes = PrivacyForms.Clean(Purposes);
            a.LawfulBasis = LawfulBasis;
            a.LawfulBasisExplanation = PrivacyForms.Clean(LawfulBasisExplanation);
            a.DataSubjectCategories = PrivacyForms.Clean(DataSubjectCategories);
            a.PersonalDataCategories = PrivacyForms.Clean(PersonalDataCategories);
            a.SpecialCategories = PrivacyForms.Clean(SpecialCategories);
            a.CriminalData = CriminalData;
            a.Recipients = PrivacyForms.Clean(Recipients);
            a.ThirdCountryTransfers = PrivacyForms.Clean(ThirdCountryTransfers);
            a.TransferSafeguard = TransferSafeguard;
            a.RetentionPeriod = PrivacyForms.Clean(RetentionPeriod);
            a.SecurityMeasures = PrivacyForms.Clean(SecurityMeasures);
            a.StoredData = [.. StoredData.Distinct().Order()];
            a.Remarks = PrivacyForms.Clean(Remarks);
            a.Status = Status;
            a.EndedOn = Status == ActivityStatus.Ended ? EndedOn : null;
        }

    }
}
