using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Breaches;

/// <summary>
/// Registers a data breach and documents it to its end (art. 33(5)): the facts in the order of the AP's form, the risk
/// and the two decisions (notify the AP, art. 33; tell the people, art. 34) with their reasoning, the notification
/// and its follow-ups, and the message to the people concerned, drafted from the facts. The page shows the 72-hour
/// clock while it runs. Every change is audited.
/// </summary>
[RequirePermission(Permissions.PrivacyBreaches)]
public sealed class EditModel(CrmDbContext db, NumberSequences numbers, BreachExports exports, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Breach? Existing { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Now = clock.GetUtcNow();
        if (Id is { } id)
        {
            if (await LoadAsync(id, tracked: false) is not { } breach)
            {
                return NotFound();
            }

            Input = InputModel.From(breach);
        }
        else
        {
            Input.DiscoveredAt = AmsterdamTime.ToLocal(Now).DateTime;
            Input.Ongoing = true;
            Input.ContactPerson = me.DisplayName;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Now = clock.GetUtcNow();
        var breach = Id is { } id ? await LoadAsync(id, tracked: true) : new Breach();
        if (breach is null)
        {
            return NotFound();
        }

        var candidate = new Breach { Status = breach.Status };
        Validate(candidate);
        if (!ModelState.IsValid)
        {
            Existing = Id is null ? null : breach;
            return Page();
        }

        var closing = breach.Status == BreachStatus.Open && Input.Status == BreachStatus.Closed;
        Input.ApplyTo(breach);
        breach.UpdatedAt = Now;
        breach.ClosedAt = breach.Status == BreachStatus.Closed ? (closing ? Now : breach.ClosedAt) : null;
        if (Id is null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            breach.Number = await numbers.NextAsync("breach");
            breach.CreatedAt = Now;
            breach.CreatedBy = me.DisplayName ?? string.Empty;
            db.Breaches.Add(breach);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        else
        {
            await db.SaveChangesAsync();
        }

        TempData["Status"] = BreachClock.IsRunning(breach)
            ? l["Data breach {0} has been saved. Notify the AP by {1}, or record why not.", breach.Number, Moment(BreachClock.Deadline(breach.DiscoveredAt))].Value
            : l["Data breach {0} has been saved.", breach.Number].Value;
        return Redirect($"/Privacy/Breaches/Edit/{breach.Id}");
    }

    /// <summary>Puts a plain-language draft of the message to the people concerned into the form, from what it says now.</summary>
    public async Task<IActionResult> OnPostDraftAsync()
    {
        Now = clock.GetUtcNow();
        if (Id is { } id)
        {
            Existing = await LoadAsync(id, tracked: false);
            if (Existing is null)
            {
                return NotFound();
            }
        }

        var draft = new Breach();
        Input.ApplyTo(draft);
        if (draft.DiscoveredAt == default)
        {
            draft.DiscoveredAt = Now;
        }

        var firm = await db.Firms.AsNoTracking().Select(f => f.Name).SingleAsync();
        Input.SubjectsMessage = exports.SubjectsDraft(firm, draft);
        ModelState.Clear();
        ViewData["Drafted"] = true;
        return Page();
    }

    public async Task<IActionResult> OnPostFollowUpAsync(DateTime? sentAt, string? summary, string? reference)
    {
        Now = clock.GetUtcNow();
        if (Id is not { } id || await LoadAsync(id, tracked: false) is not { } breach)
        {
            return NotFound();
        }

        var sent = sentAt is { } local ? AmsterdamTime.FromLocal(local) : (DateTimeOffset?)null;
        string? refusal = null;
        if (breach.AuthorityNotifiedAt is null)
        {
            refusal = l["Record the first notification to the AP before adding further information to it."];
        }
        else if (sent is null || sent < breach.AuthorityNotifiedAt || sent > Now)
        {
            refusal = l["Enter when the further information was sent: after the first notification and not after now."];
        }
        else if (string.IsNullOrWhiteSpace(summary) || summary.Trim().Length > ProcessingRegisterLimits.LongText || reference?.Trim().Length > 200)
        {
            refusal = l["Summarise what was sent (at most {0} characters; the reference at most 200).", ProcessingRegisterLimits.LongText];
        }

        if (refusal is not null)
        {
            TempData["Error"] = refusal;
            return Redirect($"/Privacy/Breaches/Edit/{id}#follow-ups");
        }

        db.BreachFollowUps.Add(new BreachFollowUp
        {
            BreachId = id,
            SentAt = sent!.Value,
            Summary = summary!.Trim(),
            Reference = PrivacyForms.Clean(reference),
            CreatedBy = me.DisplayName ?? string.Empty,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = l["The further information to the AP has been recorded."].Value;
        return Redirect($"/Privacy/Breaches/Edit/{id}#follow-ups");
    }

    /// <summary>The breach as documented (art. 33(5)), for the file or for the AP.</summary>
    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (Id is not { } id || await LoadAsync(id, tracked: false) is not { } breach)
        {
            return NotFound();
        }

        var firm = await db.Firms.AsNoTracking().Select(f => f.Name).SingleAsync();
        var pdf = exports.Pdf(firm, breach, clock.GetUtcNow());
        return File(pdf, "application/pdf", $"datalek-{breach.Number}.pdf");
    }

    private async Task<Breach?> LoadAsync(Guid id, bool tracked)
    {
        var query = db.Breaches.Include(b => b.FollowUps).Where(b => b.Id == id);
        Existing = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync();
        return Existing;
    }

    private void Validate(Breach candidate)
    {
        if (string.IsNullOrWhiteSpace(Input.Title) || Input.Title.Trim().Length > 200)
        {
            ModelState.AddModelError("Input.Title", l["Describe the breach in a few words (at most 200 characters)."]);
        }

        if (Input.DiscoveredAt is null)
        {
            ModelState.AddModelError("Input.DiscoveredAt", l["Enter when the firm became aware of the breach: the 72 hours run from then."]);
            return;
        }

        PrivacyForms.CheckLengths(ModelState, l, [
            (nameof(InputModel.ContactPerson), Input.ContactPerson, ProcessingRegisterLimits.ShortText),
            (nameof(InputModel.DataCategories), Input.DataCategories, ProcessingRegisterLimits.ShortText),
            (nameof(InputModel.SpecialCategories), Input.SpecialCategories, ProcessingRegisterLimits.ShortText),
            (nameof(InputModel.AffectedGroups), Input.AffectedGroups, ProcessingRegisterLimits.ShortText),
            (nameof(InputModel.AuthorityReference), Input.AuthorityReference, ProcessingRegisterLimits.ShortText),
            (nameof(InputModel.Description), Input.Description, ProcessingRegisterLimits.LongText),
            (nameof(InputModel.LikelyConsequences), Input.LikelyConsequences, ProcessingRegisterLimits.LongText),
            (nameof(InputModel.MeasuresTaken), Input.MeasuresTaken, ProcessingRegisterLimits.LongText),
            (nameof(InputModel.MeasuresProposed), Input.MeasuresProposed, ProcessingRegisterLimits.LongText),
            (nameof(InputModel.RiskReasoning), Input.RiskReasoning, ProcessingRegisterLimits.LongText),
            (nameof(InputModel.AuthorityDecisionReasoning), Input.AuthorityDecisionReasoning, ProcessingRegisterLimits.LongText),
            (nameof(InputModel.DelayReasons), Input.DelayReasons, ProcessingRegisterLimits.LongText),
            (nameof(InputModel.SubjectsDecisionReasoning), Input.SubjectsDecisionReasoning, ProcessingRegisterLimits.LongText),
            (nameof(InputModel.SubjectsMessage), Input.SubjectsMessage, ProcessingRegisterLimits.LongText),
        ]);

        if (Input.PeopleAffected < 0 || Input.RecordsAffected < 0)
        {
            ModelState.AddModelError("Input.PeopleAffected", l["Numbers of people and records cannot be negative."]);
        }

        if (!Input.Confidentiality && !Input.Integrity && !Input.Availability)
        {
            ModelState.AddModelError("Input.Confidentiality", l["Tick at least one: confidentiality, integrity or availability."]);
        }

        if (Input.Risk != BreachRisk.Unassessed && string.IsNullOrWhiteSpace(Input.RiskReasoning))
        {
            ModelState.AddModelError("Input.RiskReasoning", l["Give the reasoning behind the risk assessment (art. 33(5))."]);
        }

        Input.ApplyTo(candidate);
        if (BreachClock.TimelineRefusal(candidate.DiscoveredAt, candidate.StartedAt, candidate.Ongoing, candidate.EndedAt, Now) is { } timeline)
        {
            ModelState.AddModelError("Input.DiscoveredAt", l[timeline]);
        }

        if (BreachClock.AuthorityRefusal(candidate, Now) is { } authority)
        {
            ModelState.AddModelError("Input.AuthorityDecision", l[authority]);
        }

        if (BreachClock.SubjectsRefusal(candidate, Now) is { } subjects)
        {
            ModelState.AddModelError("Input.SubjectsDecision", l[subjects]);
        }

        if (Input.Status == BreachStatus.Closed && BreachClock.ClosingRefusal(candidate) is { } closing)
        {
            ModelState.AddModelError("Input.Status", l[closing]);
        }
    }

    public static string Moment(DateTimeOffset at) => AmsterdamTime.ToLocal(at).ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.CurrentCulture);

    public sealed class InputModel
    {
        public string? Title { get; set; }

        public DateTime? DiscoveredAt { get; set; }

        public DateTime? StartedAt { get; set; }

        public bool Ongoing { get; set; }

        public DateTime? EndedAt { get; set; }

        public string? Description { get; set; }

        public string? ContactPerson { get; set; }

        public bool Confidentiality { get; set; }

        public bool Integrity { get; set; }

        public bool Availability { get; set; }

        public string? DataCategories { get; set; }

        public string? SpecialCategories { get; set; }

        public string? AffectedGroups { get; set; }

        public int? PeopleAffected { get; set; }

        public int? RecordsAffected { get; set; }

        /// <summary>"true", "false" or empty (unknown).</summary>
        public bool? DataEncrypted { get; set; }

        public bool CrossBorder { get; set; }

        public string? LikelyConsequences { get; set; }

        public string? MeasuresTaken { get; set; }

        public string? MeasuresProposed { get; set; }

        public BreachRisk Risk { get; set; }

        public string? RiskReasoning { get; set; }

        public AuthorityDecision AuthorityDecision { get; set; }

        public string? AuthorityDecisionReasoning { get; set; }

        public DateTime? AuthorityNotifiedAt { get; set; }

        public string? AuthorityReference { get; set; }

        public string? DelayReasons { get; set; }

        public SubjectsDecision SubjectsDecision { get; set; }

        public SubjectsExemption SubjectsExemption { get; set; }

        public string? SubjectsDecisionReasoning { get; set; }

        public DateTime? SubjectsInformedAt { get; set; }

        public string? SubjectsMessage { get; set; }

        public BreachStatus Status { get; set; }

        public static InputModel From(Breach b) => new()
        {
            Title = b.Title,
            DiscoveredAt = Local(b.DiscoveredAt),
            StartedAt = Local(b.StartedAt),
            Ongoing = b.Ongoing,
            EndedAt = Local(b.EndedAt),
            Description = b.Description,
            ContactPerson = b.ContactPerson,
            Confidentiality = b.Confidentiality,
            Integrity = b.Integrity,
            Availability = b.Availability,
            DataCategories = b.DataCategories,
            SpecialCategories = b.SpecialCategories,
            AffectedGroups = b.AffectedGroups,
            PeopleAffected = b.PeopleAffected,
            RecordsAffected = b.RecordsAffected,
            DataEncrypted = b.DataEncrypted,
            CrossBorder = b.CrossBorder,
            LikelyConsequences = b.LikelyConsequences,
            MeasuresTaken = b.MeasuresTaken,
            MeasuresProposed = b.MeasuresProposed,
            Risk = b.Risk,
            RiskReasoning = b.RiskReasoning,
            AuthorityDecision = b.AuthorityDecision,
            AuthorityDecisionReasoning = b.AuthorityDecisionReasoning,
            AuthorityNotifiedAt = Local(b.AuthorityNotifiedAt),
            AuthorityReference = b.AuthorityReference,
            DelayReasons = b.DelayReasons,
            SubjectsDecision = b.SubjectsDecision,
            SubjectsExemption = b.SubjectsExemption,
            SubjectsDecisionReasoning = b.SubjectsDecisionReasoning,
            SubjectsInformedAt = Local(b.SubjectsInformedAt),
            SubjectsMessage = b.SubjectsMessage,
            Status = b.Status,
        };

        public void ApplyTo(Breach b)
        {
            b.Title = Title?.Trim() ?? string.Empty;
            b.DiscoveredAt = DiscoveredAt is { } discovered ? AmsterdamTime.FromLocal(discovered) : default;
            b.StartedAt = Utc(StartedAt);
            b.Ongoing = Ongoing;
            b.EndedAt = Utc(EndedAt);
            b.Description = PrivacyForms.Clean(Description);
            b.ContactPerson = PrivacyForms.Clean(ContactPerson);
            b.Confidentiality = Confidentiality;
            b.Integrity = Integrity;
            b.Availability = Availability;
            b.DataCategories = PrivacyForms.Clean(DataCategories);
            b.SpecialCategories = PrivacyForms.Clean(SpecialCategories);
            b.AffectedGroups = PrivacyForms.Clean(AffectedGroups);
            b.PeopleAffected = PeopleAffected;
            b.RecordsAffected = RecordsAffected;
            b.DataEncrypted = DataEncrypted;
            b.CrossBorder = CrossBorder;
            b.LikelyConsequences = PrivacyForms.Clean(LikelyConsequences);
            b.MeasuresTaken = PrivacyForms.Clean(MeasuresTaken);
            b.MeasuresProposed = PrivacyForms.Clean(MeasuresProposed);
            b.Risk = Risk;
            b.RiskReasoning = PrivacyForms.Clean(RiskReasoning);
            b.AuthorityDecision = AuthorityDecision;
            b.AuthorityDecisionReasoning = PrivacyForms.Clean(AuthorityDecisionReasoning);
            b.AuthorityNotifiedAt = Utc(AuthorityNotifiedAt);
            b.AuthorityReference = PrivacyForms.Clean(AuthorityReference);
            b.DelayReasons = PrivacyForms.Clean(DelayReasons);
            b.SubjectsDecision = SubjectsDecision;
            b.SubjectsExemption = SubjectsDecision == SubjectsDecision.DoNotInform ? SubjectsExemption : SubjectsExemption.None;
            b.SubjectsDecisionReasoning = PrivacyForms.Clean(SubjectsDecisionReasoning);
            b.SubjectsInformedAt = Utc(SubjectsInformedAt);
            b.SubjectsMessage = PrivacyForms.Clean(SubjectsMessage);
            b.Status = Status;
        }

        private static DateTime? Local(DateTimeOffset? utc) => utc is { } at ? AmsterdamTime.ToLocal(at).DateTime : null;

        private static DateTimeOffset? Utc(DateTime? local) => local is { } at ? AmsterdamTime.FromLocal(at) : null;
    }
}
