using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LegalCrm.Web.Features.Documents;

/// <summary>
/// One document: preview, versions, download, its title/category/date, and a new version. The file handler is the
/// only way to the bytes: it asks <see cref="DossierAccess"/> first, logs the read, and checks the checksum.
/// </summary>
[RequirePermission(Permissions.DossiersRead)]
[UploadSizeLimit]
public sealed class DetailsModel(
    CrmDbContext db,
    DossierAccess access,
    DocumentUploads uploads,
    IDocumentStore store,
    TenantContext tenant,
    CurrentUser me,
    AuditEvents audit,
    TimeProvider clock,
    IOptions<DocumentOptions> options,
    ILogger<DetailsModel> logger,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid DocumentId { get; set; }

    public Dossier Dossier { get; private set; } = null!;

    public Document Document { get; private set; } = null!;

    public IReadOnlyList<DocumentVersion> Versions { get; private set; } = [];

    public DocumentVersion Current => Versions[0];

    public bool CanChange { get; private set; }

    public DocumentOptions Limits => options.Value;

    public IEnumerable<SelectListItem> Categories => EnumOptions.For<DocumentCategory>(l, "doccat:");

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>The file of a version (the current one by default): inline for PDFs and images when asked, otherwise as a download.</summary>
    public async Task<IActionResult> OnGetFileAsync(int? version, bool inline, CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var file = version is { } number ? Versions.FirstOrDefault(v => v.Number == number) : Current;
        if (file is null)
        {
            return NotFound();
        }

        Stream content;
        try
        {
            content = await store.OpenVerifiedAsync(new DocumentKey(tenant.RequiredTenantId, file.Id), file.Sha256, ct);
        }
        catch (DocumentIntegrityException ex)
        {
            logger.LogError(ex, "Document version {VersionId} of dossier {DossierId} failed its integrity check and was not served", file.Id, Id);
            ModelState.AddModelError(string.Empty, l["This file failed its integrity check and has not been opened. Tell the administrator; the problem has been logged."]);
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Page();
        }

        audit.Add(AuditActions.View, nameof(Document), file.Id.ToString(), new { Document.Title, file.Number, file.FileName }, Dossier.AuditSubject);
        await db.SaveChangesAsync(ct);

        var showInline = inline && FileTypes.IsPreviewable(file.ContentType);
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        if (showInline && file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
        }
        else if (showInline)
        {
            // A PDF is shown in the document page's own frame: only this app may frame it (everything else: 'none').
            Response.Headers[HeaderNames.ContentSecurityPolicy] = "frame-ancestors 'self'";
            Response.Headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
        }

        if (showInline)
        {
            Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileNameStar = file.FileName }.ToString();
            return File(content, file.ContentType);
        }

        return File(content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostEditAsync(string? title, DocumentCategory category, DateOnly? documentDate, uint rowVersion, CancellationToken ct)
    {
        if (await ChangeableAsync() is { } refused)
        {
            return refused;
        }

        title = title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200)
        {
            ModelState.AddModelError("title", l["Give the document a title (at most 200 characters)."]);
        }

        if (!Enum.IsDefined(category))
        {
            ModelState.AddModelError("category", l["Choose a category from the list."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var document = await db.Documents.SingleAsync(d => d.Id == DocumentId, ct);
        db.Entry(document).Property(d => d.RowVersion).OriginalValue = rowVersion;
        document.Title = title!;
        document.Category = category;
        document.DocumentDate = documentDate;
        document.UpdatedAt = clock.GetUtcNow();
        document.UpdatedBy = me.DisplayName ?? me.ActorName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync();
            ModelState.AddModelError(string.Empty, l["Someone else changed this document while you were editing. Your changes have not been saved; look at the current details and try again."]);
            return Page();
        }

        TempData["Status"] = l["The document has been saved."].Value;
        return RedirectToPage(new { Id, DocumentId });
    }

    public async Task<IActionResult> OnPostVersionAsync(List<IFormFile> files, CancellationToken ct)
    {
        if (await ChangeableAsync() is { } refused)
        {
            return refused;
        }

        if (files.Count != 1)
        {
            ModelState.AddModelError("files", l[files.Count == 0 ? "Choose the file of the new version." : "Upload one file as the new version."]);
            return Page();
        }

        var document = await db.Documents.SingleAsync(d => d.Id == DocumentId, ct);
        UploadOutcome outcome;
        try
        {
            outcome = await uploads.AddVersionAsync(document, new IncomingFile(files[0].FileName, files[0].Length, files[0].OpenReadStream), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await LoadAsync();
            ModelState.AddModelError(string.Empty, l["Someone else added a version at the same moment. Look at the versions below and upload again if yours is still needed."]);
            return Page();
        }

        if (!outcome.Succeeded)
        {
            foreach (var problem in outcome.Problems)
            {
                ModelState.AddModelError("files", l[problem.Message, problem.Arguments]);
            }

            return Page();
        }

        TempData["Status"] = l["Version {0} has been added.", document.CurrentVersion].Value;
        return RedirectToPage(new { Id, DocumentId });
    }

    private async Task<IActionResult?> ChangeableAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (CanChange)
        {
            return null;
        }

        if (Dossier.IsReadOnly && me.Has(Permissions.DocumentsWrite) && await access.CanEditAsync(Id))
        {
            ModelState.AddModelError(string.Empty, l["This dossier is closed and can no longer be changed. Reopen it first, with a reason."]);
            return Page();
        }

        return Forbid();
    }

    private async Task<bool> LoadAsync()
    {
        var dossier = await access.FindAsync(Id);
        var document = dossier is null ? null : await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == DocumentId && d.DossierId == Id);
        if (dossier is null || document is null)
        {
            return false;
        }

        Dossier = dossier;
        Document = document;
        Versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == DocumentId).OrderByDescending(v => v.Number).ToListAsync();
        CanChange = await access.CanChangeDocumentsAsync(dossier);
        return true;
    }
}
