using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Communications.Mailboxes;

/// <summary>
/// E-mail waiting to be filed (from the mailbox without a dossier number, or uploaded without a dossier): each with the
/// dossier it probably belongs to; a user files it into a dossier they work on, or discards it.
/// </summary>
[RequirePermission(Permissions.CommunicationsWrite)]
public sealed class TriageModel(CrmDbContext db, DossierAccess access, EmailFiling filing, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public PageOf<Row> Messages { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public sealed record Row(Guid Id, TriageSource Source, DateTimeOffset SentAt, string FromName, string FromAddress, string Subject, int AttachmentCount, Guid? SuggestedDossierId, string? SuggestedNumber, string? SuggestedTitle, uint RowVersion);

    public async Task OnGetAsync()
    {
        var visible = access.Visible().Select(d => (Guid?)d.Id);
        Messages = await db.TriageMessages.AsNoTracking()
            .Where(t => t.Status == TriageStatus.Open)
            .OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id)
            .Select(t => new
            {
                t.Id,
                t.Source,
                t.SentAt,
                t.FromName,
                t.FromAddress,
                t.Subject,
                t.AttachmentCount,
                t.RowVersion,
                // A suggestion is only shown when the user may see that dossier: the queue must not leak a walled dossier's name.
                Suggested = visible.Contains(t.SuggestedDossierId) ? db.Dossiers.Where(d => d.Id == t.SuggestedDossierId).Select(d => new { d.Id, d.Number, d.Title }).FirstOrDefault() : null,
            })
            .Select(t => new Row(t.Id, t.Source, t.SentAt, t.FromName, t.FromAddress, t.Subject, t.AttachmentCount, t.Suggested == null ? null : t.Suggested.Id, t.Suggested == null ? null : t.Suggested.Number, t.Suggested == null ? null : t.Suggested.Title, t.RowVersion))
            .ToPageAsync(PageNumber);
    }

    public async Task<IActionResult> OnPostFileAsync(Guid id, uint version, string? number, CancellationToken ct)
    {
        var message = await db.TriageMessages.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (message is null)
        {
            return NotFound();
        }

        if (message.Status != TriageStatus.Open || message.RowVersion != version || message.Content is null)
        {
            TempData["Status"] = l["Someone else has already handled this e-mail."].Value;
            return RedirectToPage();
        }

        var wanted = (number ?? string.Empty).Trim();
        var dossier = wanted.Length == 0 ? null : await access.Visible().AsNoTracking().SingleOrDefaultAsync(d => d.Number == wanted, ct);
        if (dossier is null || dossier.IsReadOnly || !await access.CanEditAsync(dossier.Id, ct))
        {
            ModelState.AddModelError(string.Empty, wanted.Length == 0
                ? l["Enter the number of the dossier to file the e-mail in."]
                : l["There is no open dossier {0} that you work on.", wanted]);
            await OnGetAsync();
            return Page();
        }

        var email = await EmailFileReader.ReadAsync(new MemoryStream(message.Content), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var communication = await filing.FileAsync(email, message.MessageKey, dossier.Id, me.UserId, me.DisplayName ?? me.ActorName, ct);
        Handle(message, TriageStatus.Filed, communication.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = l["Someone else has already handled this e-mail."].Value;
            return RedirectToPage();
        }

        await transaction.CommitAsync(ct);
        TempData["Status"] = l["The e-mail has been filed in {0}.", dossier.Number].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, uint version, CancellationToken ct)
    {
        var message = await db.TriageMessages.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (message is null)
        {
            return NotFound();
        }

        if (message.Status == TriageStatus.Open && message.RowVersion == version)
        {
            Handle(message, TriageStatus.Discarded, null);
            try
            {
                await db.SaveChangesAsync(ct);
                TempData["Status"] = l["The e-mail has been discarded; it stays in the mailbox."].Value;
                return RedirectToPage();
            }
            catch (DbUpdateConcurrencyException)
            {
                // Handled below.
            }
        }

        TempData["Status"] = l["Someone else has already handled this e-mail."].Value;
        return RedirectToPage();
    }

    private void Handle(TriageMessage message, TriageStatus status, Guid? communicationId)
    {
        message.Status = status;
        message.CommunicationId = communicationId;
        message.Content = null;
        message.HandledBy = me.DisplayName ?? me.ActorName;
        message.HandledAt = clock.GetUtcNow();
    }
}
