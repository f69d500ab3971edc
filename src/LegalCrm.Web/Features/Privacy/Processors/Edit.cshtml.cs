using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Processors;

/// <summary>Adds, changes or deletes a processor (AVG art. 28) and links it to the activities it processes for.</summary>
[RequirePermission(Permissions.PrivacyRegister)]
public sealed class EditModel(CrmDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Activities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadActivitiesAsync();
        if (Id is { } id)
        {
            if (await db.Processors.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id) is not { } processor)
            {
                return NotFound();
            }

            Input = new InputModel
            {
                Name = processor.Name,
                Service = processor.Service,
                AgreementSignedOn = processor.AgreementSignedOn,
                AgreementDocument = processor.AgreementDocument,
                SubProcessors = processor.SubProcessors,
                DataCategories = processor.DataCategories,
                Location = processor.Location,
                TransferSafeguard = processor.TransferSafeguard,
                NextReviewOn = processor.NextReviewOn,
                Remarks = processor.Remarks,
                ActivityIds = [.. processor.ActivityIds],
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadActivitiesAsync();
        var processor = Id is { } id ? await db.Processors.SingleOrDefaultAsync(p => p.Id == id) : new Processor();
        if (processor is null)
        {
            return NotFound();
        }

        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError("Input.Name", l["Enter a name of at most 200 characters."]);
        }
        else if ((await db.Processors.Where(p => p.Id != processor.Id).Select(p => p.Name).ToListAsync()).Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Name", l["The firm already has a processor with this name."]);
        }

        PrivacyForms.CheckLengths(ModelState, l, [
                     (nameof(InputModel.Service), Input.Service, ProcessingRegisterLimits.ShortText),
                     (nameof(InputModel.AgreementDocument), Input.AgreementDocument, ProcessingRegisterLimits.ShortText),
                     (nameof(InputModel.SubProcessors), Input.SubProcessors, ProcessingRegisterLimits.LongText),
                     (nameof(InputModel.DataCategories), Input.DataCategories, ProcessingRegisterLimits.LongText),
                     (nameof(InputModel.Location), Input.Location, 200),
                     (nameof(InputModel.Remarks), Input.Remarks, ProcessingRegisterLimits.LongText),
        ]);

        if (!ModelState.IsValid)
        {
            return Page();
        }

        processor.Name = name!;
        processor.Service = PrivacyForms.Clean(Input.Service);
        processor.AgreementSignedOn = Input.AgreementSignedOn;
        processor.AgreementDocument = PrivacyForms.Clean(Input.AgreementDocument);
        processor.SubProcessors = PrivacyForms.Clean(Input.SubProcessors);
        processor.DataCategories = PrivacyForms.Clean(Input.DataCategories);
        processor.Location = PrivacyForms.Clean(Input.Location);
        processor.TransferSafeguard = Input.TransferSafeguard;
        processor.NextReviewOn = Input.NextReviewOn;
        processor.Remarks = PrivacyForms.Clean(Input.Remarks);
        // Only activities of this firm's register (the list was read through the tenant filter).
        processor.ActivityIds = [.. Input.ActivityIds.Distinct().Where(a => Activities.Any(x => x.Id == a))];
        if (Id is null)
        {
            db.Processors.Add(processor);
        }

        await db.SaveChangesAsync();
        TempData["Status"] = l["The processor \"{0}\" has been saved.", processor.Name].Value;
        return Redirect("/Privacy/Processors");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (Id is not { } id || await db.Processors.SingleOrDefaultAsync(p => p.Id == id) is not { } processor)
        {
            return NotFound();
        }

        db.Processors.Remove(processor);
        await db.SaveChangesAsync();
        TempData["Status"] = l["The processor \"{0}\" has been deleted.", processor.Name].Value;
        return Redirect("/Privacy/Processors");
    }

    private async Task LoadActivitiesAsync() => Activities = await PrivacyForms.ActivityNamesAsync(db);

    public sealed class InputModel
    {
        public string? Name { get; set; }

        public string? Service { get; set; }

        public DateOnly? AgreementSignedOn { get; set; }

        public string? AgreementDocument { get; set; }

        public string? SubProcessors { get; set; }

        public string? DataCategories { get; set; }

        public string? Location { get; set; }

        public TransferSafeguard TransferSafeguard { get; set; }

        public DateOnly? NextReviewOn { get; set; }

        public string? Remarks { get; set; }

        public List<Guid> ActivityIds { get; set; } = [];
    }
}
