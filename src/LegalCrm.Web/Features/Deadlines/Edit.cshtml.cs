using System.Globalization;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Deadlines;

/// <summary>
/// Add a deadline to a dossier (<c>?dossier=</c>) or change one (<c>/Deadlines/Edit/{id}</c>). With a rule, the lawyer
/// enters the date to count from and the due date is computed (and shown with its reasoning before saving); without one
/// they enter it. A date in the past is saved only after a second look; a fatal deadline moves only with
/// <c>deadlines.fatal.manage</c> and a reason.
/// </summary>
[RequirePermission(Permissions.DeadlinesWrite)]
public sealed class EditModel(CrmDbContext db, DossierAccess dossiers, DeadlineAccess deadlines, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Dossier { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Dossier DossierOf { get; private set; } = null!;

    public Deadline? Existing { get; private set; }

    public IReadOnlyList<DeadlineRule> Rules { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Team { get; private set; } = [];

    public DeadlineCalculation? Calculation { get; private set; }

    public string? Explanation { get; private set; }

    /// <summary>The due date is in the past: the form asks to confirm it.</summary>
    public bool PastWarning { get; private set; }

    /// <summary>Changing this deadline's date or kind is moving a fatal deadline: a reason is asked.</summary>
    public bool IsFatal => Existing?.IsFatal == true;

    public async Task<IActionResult> OnGetAsync(Guid? rule)
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (Existing is { } d)
        {
            Input = new InputModel
            {
                Title = d.Title,
                Notes = d.Notes,
                Kind = d.Kind,
                RuleId = d.RuleId,
                EventDate = d.EventDate,
                DueDate = d.DueDate,
                DueTime = d.DueTime,
                ResponsibleUserIds = d.ResponsibleUserIds,
                ReminderDays = DeadlineRules.FormatReminderDays(d.ReminderDays),
                Version = d.Version,
            };
            Calculation = DeadlineCalculation.FromJson(d.Calculation);
            Explanation = Calculation is null ? null : DeadlineExplanation.Describe(Calculation, l, CultureInfo.CurrentCulture);
        }
        else
        {
            var chosen = Rules.FirstOrDefault(r => r.Id == rule);
            Input = new InputModel
            {
                Kind = chosen?.Kind ?? DeadlineKind.Fatal,
                RuleId = chosen?.Id,
                ResponsibleUserIds = [DossierOf.ResponsibleLawyerId],
                ReminderDays = DeadlineRules.FormatReminderDays(DeadlineRules.DefaultReminderDays(chosen?.Kind ?? DeadlineKind.Fatal)),
            };
        }

        return Page();
    }

    /// <summary>Computes the due date from the rule and shows the reasoning, without saving.</summary>
    public async Task<IActionResult> OnPostCalculateAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        if (await ComputeAsync() is { } calculation)
        {
            Input.DueDate = calculation.Due;
            if (string.IsNullOrWhiteSpace(Input.Title))
            {
                Input.Title = Rules.First(r => r.Id == Input.RuleId).Name;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        var rule = Rules.FirstOrDefault(r => r.Id == Input.RuleId);
        if (Input.RuleId is not null && rule is null && Input.RuleId != Existing?.RuleId)
        {
            ModelState.AddModelError("Input.RuleId", l["Choose one of the firm's rules."]);
        }

        var calculation = rule is null ? null : await ComputeAsync();
        var due = calculation?.Due ?? Input.DueDate;
        if (rule is null && due is null)
        {
            ModelState.AddModelError("Input.DueDate", l["Enter the due date, or choose a rule and the date to count from."]);
        }

        var title = string.IsNullOrWhiteSpace(Input.Title) ? rule?.Name : Input.Title.Trim();
        if (title is null)
        {
            ModelState.AddModelError("Input.Title", l["Enter what is due."]);
        }

        foreach (var (field, text, max) in new[] { ("Title", title, 300), ("Notes", Input.Notes, 4000), ("Reason", Input.Reason, 500) })
        {
            if (text is { } value && value.Length > max)
            {
                ModelState.AddModelError("Input." + field, l["{0} can be at most {1} characters long.", l[field], max]);
            }
        }

        var responsible = Input.ResponsibleUserIds.Distinct().Where(id => Team.Any(t => t.Id == id)).ToList();
        if (responsible.Count == 0)
        {
            ModelState.AddModelError("Input.ResponsibleUserIds", l["Choose at least one responsible person from the dossier's team."]);
        }

        var (reminders, reminderError) = DeadlineRules.ParseReminderDays(Input.ReminderDays);
        if (reminderError is not null)
        {
            ModelState.AddModelError("Input.ReminderDays", l[reminderError]);
        }

        var moved = Existing is not null && (Existing.DueDate != due || Existing.DueTime != Input.DueTime || Existing.Kind != Input.Kind);
        if (moved && IsFatal)
        {
            if (!deadlines.MayAlter(Existing!))
            {
                ModelState.AddModelError(string.Empty, l["Only people allowed to manage fatal deadlines can move one or make it internal."]);
            }
            else if (DeadlineRules.ReasonRefusal(DeadlineKind.Fatal, Input.Reason) is { } reasonRefusal)
            {
                ModelState.AddModelError("Input.Reason", l[reasonRefusal]);
            }
        }

        if (Existing is not null && Existing.Version != Input.Version)
        {
            ModelState.AddModelError(string.Empty, l["Someone else changed this deadline in the meantime. Reload the page to see their changes."]);
        }

        if (ModelState.IsValid && due < AmsterdamTime.Today(clock) && (Existing is null || moved) && !Input.PastConfirmed)
        {
            PastWarning = true;
            ModelState.AddModelError("Input.DueDate", l["This date is in the past. Check it; to save it anyway, save again."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        var deadline = Existing is null
            ? new Deadline { DossierId = DossierOf.Id, CreatedAt = now, CreatedBy = me.DisplayName ?? me.ActorName }
            : await db.Deadlines.SingleAsync(d => d.Id == Existing.Id);
        deadline.Title = title!;
        deadline.Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim();
        deadline.Kind = Input.Kind;
        if (deadline.DueDate != due!.Value)
        {
            // A moved deadline escalates again for its new date.
            deadline.EscalatedAt = null;
        }

        deadline.DueDate = due.Value;
        deadline.DueTime = Input.DueTime;
        if (rule is not null)
        {
            deadline.RuleId = rule.Id;
            deadline.RuleName = rule.Name;
            deadline.EventDate = Input.EventDate;
            deadline.Calculation = calculation!.ToJson();
        }
        else if (Input.RuleId is null)
        {
            (deadline.RuleId, deadline.RuleName, deadline.EventDate, deadline.Calculation) = (null, null, null, null);
        }

        deadline.ResponsibleUserIds = responsible;
        deadline.ReminderDays = [.. reminders!];
        if (moved && !string.IsNullOrWhiteSpace(Input.Reason))
        {
            deadline.ChangeReason = Input.Reason.Trim();
        }

        deadline.UpdatedAt = now;
        deadline.PlanReminders(now);
        if (Existing is null)
        {
            db.Deadlines.Add(deadline);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Someone else changed this deadline in the meantime. Reload the page to see their changes."]);
            return Page();
        }

        TempData["Status"] = (Existing is null
            ? l["The deadline has been added: {0}.", deadline.DueDate.ToString("D", CultureInfo.CurrentCulture)]
            : l["The deadline has been changed."]).Value;
        return Existing is null ? Redirect($"/Dossiers/{DossierOf.Id}") : Redirect($"/Deadlines/{deadline.Id}");
    }

    /// <summary>The calculation for the chosen rule and date, or null with the reason in the model state.</summary>
    private async Task<DeadlineCalculation?> ComputeAsync()
    {
        Calculation = null;
        Explanation = null;
        if (Rules.FirstOrDefault(r => r.Id == Input.RuleId) is not { } rule)
        {
            ModelState.AddModelError("Input.RuleId", l["Choose a rule to compute the deadline."]);
            return null;
        }

        if (Input.EventDate is not { } eventDate)
        {
            ModelState.AddModelError("Input.EventDate", l["Enter the date to count from ({0}).", rule.EventLabel ?? l["the event"]]);
            return null;
        }

        if (rule.Period.Refusal() is { } refusal)
        {
            ModelState.AddModelError("Input.RuleId", l[refusal]);
            return null;
        }

        Calculation = DeadlineCalculator.Calculate(eventDate, rule.Period, await FirmHolidays.LoadAsync(db));
        Explanation = DeadlineExplanation.Describe(Calculation, l, CultureInfo.CurrentCulture);
        return Calculation;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (Id is { } id)
        {
            Existing = await deadlines.FindAsync(id);
            if (Existing is null)
            {
                return NotFound();
            }

            Dossier = Existing.DossierId;
        }

        if (Dossier is not { } dossierId || await dossiers.FindAsync(dossierId) is not { } dossier)
        {
            return NotFound();
        }

        DossierOf = dossier;
        if (!await deadlines.CanWriteAsync(dossier))
        {
            return Forbid();
        }

        var currentRule = Existing?.RuleId;
        Rules = await db.DeadlineRules.AsNoTracking().Where(r => r.IsActive || r.Id == currentRule).OrderBy(r => r.Name).ToListAsync();
        Team = await UserOptions.DossierTeamAsync(db, dossier.Id, enabledOnly: true);
        return null;
    }

    public sealed class InputModel
    {
        public string? Title { get; set; }

        public string? Notes { get; set; }

        public DeadlineKind Kind { get; set; }

        public Guid? RuleId { get; set; }

        public DateOnly? EventDate { get; set; }

        public DateOnly? DueDate { get; set; }

        public TimeOnly? DueTime { get; set; }

        public List<Guid> ResponsibleUserIds { get; set; } = [];

        public string? ReminderDays { get; set; }

        /// <summary>Why a fatal deadline is moved.</summary>
        public string? Reason { get; set; }

        /// <summary>Set after the warning about a date in the past.</summary>
        public bool PastConfirmed { get; set; }

        public uint Version { get; set; }
    }
}
