using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// Intake of a new matter: the client, the title and the team. The dossier gets its number at once (the firm's pattern,
/// a sequence per year without gaps) and starts in Intake; it opens after the conflict check.
/// </summary>
[RequirePermission(Permissions.DossiersWrite)]
public sealed class NewModel(CrmDbContext db, NumberSequences numbers, ConflictSearch conflicts, Workflows.WorkflowInstantiation workflows, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Searching for the client.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public string? ClientName { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> ClientCandidates { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Lawyers { get; private set; } = [];

    public IReadOnlyList<string> PracticeAreas { get; private set; } = [];

    public IEnumerable<SelectListItem> FeeArrangements => EnumOptions.For<FeeArrangement>(l, "fee:");

    public async Task<IActionResult> OnGetAsync(Guid? client)
    {
        Input.ClientId = client;
        Input.ResponsibleLawyerId = me.UserId;
        await PrepareAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.ClientId is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ClientId)}", l["Choose the client."]);
        }
        else if (!await db.Contacts.AnyAsync(c => c.Id == Input.ClientId && c.RestrictedAt == null))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ClientId)}", l["Choose the client from the list; a contact whose processing is restricted cannot be added."]);
        }

        if (Input.ResponsibleLawyerId is not { } lawyer || !await db.Users.AnyAsync(u => u.Id == lawyer && u.DisabledAt == null))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ResponsibleLawyerId)}", l["Choose a lawyer from the list."]);
        }

        if (Input.FeeArrangement == FeeArrangement.LegalAid && string.IsNullOrWhiteSpace(Input.LegalAidNumber))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.LegalAidNumber)}", l["Enter the number of the legal aid certificate (toevoeging)."]);
        }

        if (!ModelState.IsValid)
        {
            await PrepareAsync();
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        var year = AmsterdamTime.Today(clock).Year;
        var pattern = await db.Firms.Select(f => f.DossierNumberFormat).SingleAsync();
        var dossier = new Dossier
        {
            Number = DossierNumberFormat.Format(pattern, year, await numbers.NextAsync(DossierNumberFormat.SequenceName(year))),
            Title = Input.Title.Trim(),
            PracticeArea = Clean(Input.PracticeArea),
            DossierType = Clean(Input.DossierType),
            Description = Clean(Input.Description),
            ResponsibleLawyerId = Input.ResponsibleLawyerId!.Value,
            FeeArrangement = Input.FeeArrangement,
            LegalAidNumber = Input.FeeArrangement == FeeArrangement.LegalAid ? Clean(Input.LegalAidNumber) : null,
            CourtCaseNumbers = Clean(Input.CourtCaseNumbers),
            Status = DossierStatus.Intake,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = me.DisplayName ?? me.ActorName,
            Parties = [new DossierParty { ContactId = Input.ClientId!.Value, Role = PartyRole.Client, StartDate = AmsterdamTime.Today(clock) }],
        };
        if (me.UserId is { } creator && creator != dossier.ResponsibleLawyerId)
        {
            // Whoever takes in the matter works on it, so can see it after saving.
            dossier.Members.Add(new DossierMember { UserId = creator });
        }

        db.Dossiers.Add(dossier);
        db.DossierStatusChanges.Add(new DossierStatusChange { DossierId = dossier.Id, To = DossierStatus.Intake, At = now, ByUserId = me.UserId, ByName = me.DisplayName ?? me.ActorName });
        await db.SaveChangesAsync();

        // The firm's workflow for this type of dossier: its first deadlines and tasks, counted from today.
        var (deadlines, tasks) = await workflows.ApplyAsync(dossier, Workflows.WorkflowTrigger.DossierOpened, AmsterdamTime.Today(clock));

        // The conflict check runs at intake (and again for every party added); its record is kept with the dossier.
        var check = await conflicts.RunAsync(dossier.Id);
        await transaction.CommitAsync();
        TempData["Status"] = l["Dossier {0} has been created; the conflict check found {1} hits. Record its decision before opening the dossier.", dossier.Number, check.HitCount].Value
            + (deadlines + tasks > 0 ? " " + l["The workflow for this dossier type added {0} deadlines and {1} tasks.", deadlines, tasks].Value : string.Empty);
        return Redirect($"/Dossiers/{dossier.Id}/Conflicts");
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task PrepareAsync()
    {
        Lawyers = await UserOptions.ActiveAsync(db);
        PracticeAreas = await db.Firms.Select(f => f.PracticeAreas).SingleAsync();
        if (Input.ClientId is { } id)
        {
            ClientName = await db.Contacts.Where(c => c.Id == id).Select(c => c.DisplayName).SingleOrDefaultAsync();
        }

        ClientCandidates = await db.Contacts.Where(c => c.RestrictedAt == null).CandidatesAsync(db, Q);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a title for the dossier.")]
        [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Title")]
        public string Title { get; set; } = string.Empty;

        [Display(Name = "Client")]
        public Guid? ClientId { get; set; }

        [StringLength(100, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Practice area")]
        public string? PracticeArea { get; set; }

        [StringLength(100, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Dossier type")]
        public string? DossierType { get; set; }

        [StringLength(10_000, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Description")]
        public string? Description { get; set; }

        [Display(Name = "Responsible lawyer")]
        public Guid? ResponsibleLawyerId { get; set; }

        [Display(Name = "Fee arrangement")]
        public FeeArrangement FeeArrangement { get; set; }

        [StringLength(40, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Legal aid certificate number")]
        public string? LegalAidNumber { get; set; }

        [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Court case and roll numbers")]
        public string? CourtCaseNumbers { get; set; }
    }
}
