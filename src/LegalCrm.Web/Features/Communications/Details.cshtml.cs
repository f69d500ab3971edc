using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Communications;

/// <summary>One communication in full: who took part in which role, the text, where it is filed; corrected or deleted by its author within the window, later by a manager.</summary>
[RequirePermission(Permissions.CommunicationsRead)]
public sealed class DetailsModel(CrmDbContext db, CommunicationAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Communication Communication { get; private set; } = null!;

    public (Guid Id, string Number, string Title)? Dossier { get; private set; }

    public (Guid Id, string Name)? Contact { get; private set; }

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await access.FindAsync(Id, ct: ct) is not { } communication)
        {
            return NotFound();
        }

        Communication = communication;
        CanChange = await access.CanChangeAsync(communication, ct);
        if (communication.DossierId is { } dossierId)
        {
            var dossier = await db.Dossiers.Where(d => d.Id == dossierId).Select(d => new { d.Id, d.Number, d.Title }).SingleAsync(ct);
            Dossier = (dossier.Id, dossier.Number, dossier.Title);
        }

        if (communication.ContactId is { } contactId)
        {
            var contact = await db.Contacts.Where(c => c.Id == contactId).Select(c => new { c.Id, c.DisplayName }).SingleAsync(ct);
            Contact = (contact.Id, contact.DisplayName);
        }

        return Page();
    }

    /// <summary>Deletes the communication (the audit trail keeps what it said and who deleted it); documents filed from its attachments stay in the dossier.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await access.FindAsync(Id, tracked: true, ct) is not { } communication)
        {
            return NotFound();
        }

        if (!await access.CanChangeAsync(communication, ct))
        {
            return Forbid();
        }

        db.Communications.Remove(communication);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["The communication has been deleted."].Value;
        return Redirect(communication.DossierId is { } dossierId ? $"/Dossiers/{dossierId}" : $"/Clients/{communication.ContactId}");
    }
}
