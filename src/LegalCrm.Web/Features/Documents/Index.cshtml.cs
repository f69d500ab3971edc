using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Documents;

/// <summary>
/// The documents of a dossier: search, filter, sort and page in SQL; upload several files at once (drag and drop).
/// Whoever may not see the dossier gets "not found", for the list and for every file.
/// </summary>
[RequirePermission(Permissions.DossiersRead)]
[UploadSizeLimit]
public sealed class IndexModel(CrmDbContext db, DossierAccess access, DocumentUploads uploads, CurrentUser me, IOptions<DocumentOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public Dossier Dossier { get; private set; } = null!;

    public bool CanUpload { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Category is not null;

    public PageOf<DocumentRow> Documents { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public DocumentOptions Limits => options.Value;

    public IEnumerable<SelectListItem> Categories => EnumOptions.For<DocumentCategory>(l, "doccat:");

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, DocumentCategory category, DateOnly? documentDate, CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanUpload)
        {
            if (Dossier.IsReadOnly && me.Has(Permissions.DocumentsWrite) && await access.CanEditAsync(Id, ct))
            {
                ModelState.AddModelError(string.Empty, l["This dossier is closed and can no longer be changed. Reopen it first, with a reason."]);
                await ListAsync();
                return Page();
            }

            return Forbid();
        }

        var outcome = await uploads.AddDocumentsAsync(Id, files.Select(f => new IncomingFile(f.FileName, f.Length, f.OpenReadStream)).ToList(),
            Enum.IsDefined(category) ? category : DocumentCategory.Other, documentDate, ct);
        if (!outcome.Succeeded)
        {
            foreach (var problem in outcome.Problems)
            {
                ModelState.AddModelError("files", l[problem.Message, problem.Arguments]);
            }

            ModelState.AddModelError(string.Empty, l["Nothing has been added: correct the files below and upload them again."]);
            await ListAsync();
            return Page();
        }

        var messages = new List<string> { l["{0} documents have been added.", outcome.DocumentIds.Count] };
        messages.AddRange(outcome.Renamed.Select(r => l["{0} was saved as {1}: file names cannot contain folders or special characters.", r.Original, r.SavedAs].Value));
        TempData["Status"] = string.Join(" ", messages);
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync()
    {
        var dossier = await access.FindAsync(Id);
        if (dossier is null)
        {
            return false;
        }

        Dossier = dossier;
        CanUpload = await access.CanChangeDocumentsAsync(dossier);
        return true;
    }

    private async Task ListAsync()
    {
        var query = db.Documents.AsNoTracking().Where(d => d.DossierId == Id);
        if (Category is { } category)
        {
            query = query.Where(d => d.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(Q) && Q.Trim().Length <= 200)
        {
            var like = LikePattern.Containing(Q.Trim());
            query = query.Where(d => EF.Functions.ILike(d.Title, like));
        }

        var ordered = Sort switch
        {
            "title" => query.OrderBy(d => d.Title).ThenBy(d => d.Id),
            "date" => query.OrderBy(d => d.DocumentDate).ThenBy(d => d.Id),
            "date_desc" => query.OrderByDescending(d => d.DocumentDate).ThenByDescending(d => d.Id),
            _ => query.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id),
        };
        Documents = await ordered.Select(d => d.Id).ToPageAsync(PageNumber, ids => DocumentRow.LoadAsync(db, ids), row => row.Id);
    }
}
