using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// Upload a contacts file (CSV or vCard). The file is read at once, so a file that cannot be imported is refused here
/// with the reason; a readable one goes on to column mapping and the dry run.
/// </summary>
[RequirePermission(Permissions.ClientsImport)]
// Well above the file limit, so a file that is somewhat too large gets the message on the field instead of a bare 400.
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class ImportModel(CrmDbContext db, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int UploadLimit = 64 * 1024 * 1024;

    [BindProperty]
    [Display(Name = "File")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    [Display(Name = "Lawful basis")]
    public LawfulBasis LawfulBasis { get; set; } = LawfulBasis.Contract;

    [BindProperty]
    [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Source of the data")]
    public string? DataSource { get; set; }

    public IReadOnlyList<ContactImport> Recent { get; private set; } = [];

    public IEnumerable<SelectListItem> LawfulBases => EnumOptions.For<LawfulBasis>(l, "basis:");

    public async Task OnGetAsync() => await LoadRecentAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l[Upload is null ? "Choose a file to import." : "The file is empty."]);
        }
        else if (Upload.Length > ImportFileReader.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["The file is larger than {0} MB. Split it into smaller files.", ImportFileReader.MaxBytes / 1024 / 1024]);
        }

        if (!ModelState.IsValid)
        {
            await LoadRecentAsync();
            return Page();
        }

        var content = new byte[Upload!.Length];
        await using (var stream = Upload.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        var fileName = Path.GetFileName(Upload.FileName);
        fileName = fileName.Length > 200 ? fileName[..200] : fileName;
        ImportTable table;
        try
        {
            table = ImportFileReader.Read(content, fileName);
        }
        catch (ImportFileException ex)
        {
            ModelState.AddModelError(nameof(Upload), l[ex.Message, ex.Arguments]);
            await LoadRecentAsync();
            return Page();
        }

        var import = new ContactImport
        {
            FileName = fileName,
            Format = table.Format,
            EncodingName = table.EncodingName,
            Delimiter = table.Delimiter?.ToString(),
            Content = content,
            Headers = table.Headers.Select(h => h.Length > 200 ? h[..200] : h).ToList(),
            Mapping = ImportFields.GuessAll(table.Headers),
            LawfulBasis = LawfulBasis,
            DataSource = string.IsNullOrWhiteSpace(DataSource) ? l["Import of {0}", fileName].Value : DataSource.Trim(),
            Status = ImportStatus.Uploaded,
            TotalRows = table.Rows.Count,
            CreatedById = me.UserId!.Value,
            CreatedByName = me.DisplayName ?? me.ActorName,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ContactImports.Add(import);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Clients/Import/{import.Id}");
    }

    private async Task LoadRecentAsync() =>
        Recent = await db.ContactImports.AsNoTracking()
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new ContactImport
            {
                Id = i.Id,
                FileName = i.FileName,
                Status = i.Status,
                TotalRows = i.TotalRows,
                CreatedCount = i.CreatedCount,
                UpdatedCount = i.UpdatedCount,
                RejectedCount = i.RejectedCount,
                CreatedByName = i.CreatedByName,
                CreatedAt = i.CreatedAt,
            })
            .Take(20)
            .ToListAsync();
}
