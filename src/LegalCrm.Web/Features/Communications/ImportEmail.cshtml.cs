using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Communications.Mailboxes;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Communications;

/// <summary>
/// File .eml files: into a dossier (each message in its own transaction with its attachments, through
/// <see cref="EmailFiling"/>), or, without a dossier, into the triage queue where each gets a suggested dossier.
/// A message captured before (same Message-ID) is skipped and named.
/// </summary>
[RequirePermission(Permissions.CommunicationsWrite)]
[UploadSizeLimit]
public sealed class ImportEmailModel(CrmDbContext db, DossierAccess access, EmailFiling filing, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Dossier { get; set; }

    public Dossiers.Dossier? Target { get; private set; }

    public IReadOnlyList<string> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken ct)
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (files.Count == 0)
        {
            ModelState.AddModelError("files", l["Choose one or more .eml files."]);
            return Page();
        }

        var results = new List<string>();
        var captured = 0;
        foreach (var file in files)
        {
            var name = FileNames.Sanitise(file.FileName);
            if (file.Length == 0 || file.Length > EmailFileReader.MaxBytes)
            {
                ModelState.AddModelError("files", l[file.Length == 0 ? "{0} is empty." : "{0} is larger than {1} MB, the limit for one file.", name, EmailFileReader.MaxBytes / 1024 / 1024]);
                continue;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var raw = buffer.ToArray();
            ParsedEmail email;
            try
            {
                email = await EmailFileReader.ReadAsync(new MemoryStream(raw), ct);
            }
            catch (EmailFileException ex)
            {
                ModelState.AddModelError("files", $"{name}: {l[ex.Message]}");
                continue;
            }

            var key = EmailFiling.KeyOf(email, raw);
            if (await filing.IsCapturedAsync(key, ct))
            {
                results.Add(l["{0}: this e-mail has already been filed.", name]);
                continue;
            }

            if (Dossier is { } dossierId)
            {
                await filing.FileAsync(email, key, dossierId, me.UserId, me.DisplayName ?? me.ActorName, ct);
            }
            else
            {
                var suggestion = (await filing.SuggestAsync(email, ct)) is [var first, ..] ? first : null;
                db.TriageMessages.Add(TriageEntries.Entry(email, key, raw, TriageSource.Upload, mailboxId: null, clock.GetUtcNow(), suggestion?.DossierId));
                await db.SaveChangesAsync(ct);
            }

            db.ChangeTracker.Clear();
            captured++;
        }

        if (captured > 0)
        {
            results.Insert(0, Dossier is null ? l["{0} e-mails are waiting to be filed.", captured] : l["{0} e-mails have been filed in this dossier.", captured]);
        }

        if (!ModelState.IsValid || results.Count > 1 || captured == 0)
        {
            Results = results;
            return Page();
        }

        TempData["Status"] = string.Join(" ", results);
        return Redirect(Dossier is { } filedIn ? $"/Dossiers/{filedIn}" : "/Communications/Triage");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (Dossier is not { } dossierId)
        {
            return null;
        }

        var dossier = await access.FindAsync(dossierId);
        if (dossier is null)
        {
            return NotFound();
        }

        if (dossier.IsReadOnly || !await access.CanEditAsync(dossierId))
        {
            return Forbid();
        }

        Target = dossier;
        return null;
    }
}
