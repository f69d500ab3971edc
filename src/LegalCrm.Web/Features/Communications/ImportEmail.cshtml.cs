using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Communications;

/// <summary>
/// File .eml files into a dossier: each message becomes an e-mail communication with its participants matched to the
/// firm's contacts and colleagues by address, its attachments become dossier documents — the message and its
/// documents in one transaction, a message already filed (same Message-ID) skipped.
/// </summary>
[RequirePermission(Permissions.CommunicationsWrite)]
[UploadSizeLimit]
public sealed class ImportEmailModel(CrmDbContext db, DossierAccess access, DocumentUploads uploads, CurrentUser me, TimeProvider clock, IOptions<DocumentOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Dossier { get; set; }

    public Dossiers.Dossier Target { get; private set; } = null!;

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
        var filed = 0;
        foreach (var file in files)
        {
            var name = FileNames.Sanitise(file.FileName);
            if (file.Length == 0 || file.Length > EmailFileReader.MaxBytes)
            {
                ModelState.AddModelError("files", l[file.Length == 0 ? "{0} is empty." : "{0} is larger than {1} MB, the limit for one file.", name, EmailFileReader.MaxBytes / 1024 / 1024]);
                continue;
            }

            ParsedEmail email;
            try
            {
                await using var stream = file.OpenReadStream();
                email = await EmailFileReader.ReadAsync(stream, ct);
            }
            catch (EmailFileException ex)
            {
                ModelState.AddModelError("files", $"{name}: {l[ex.Message]}");
                continue;
            }

            if (email.MessageId is { } messageId && await db.Communications.AnyAsync(c => c.MessageId == messageId, ct))
            {
                results.Add(l["{0}: this e-mail has already been filed.", name]);
                continue;
            }

            await FileAsync(email, ct);
            db.ChangeTracker.Clear();
            filed++;
        }

        if (filed > 0)
        {
            results.Insert(0, l["{0} e-mails have been filed in this dossier.", filed]);
        }

        if (!ModelState.IsValid || results.Count > 1 || filed == 0)
        {
            Results = results;
            return Page();
        }

        TempData["Status"] = string.Join(" ", results);
        return Redirect($"/Dossiers/{Dossier}");
    }

    private async Task FileAsync(ParsedEmail email, CancellationToken ct)
    {
        var everyone = new[] { email.From }.OfType<EmailAddress>().Concat(email.To).Concat(email.Cc).ToList();
        var addresses = everyone.Select(a => a.Address).Distinct().ToList();
        var contacts = await db.Set<Clients.ContactEmail>().Where(e => addresses.Contains(e.NormalizedAddress))
            .Select(e => new { e.NormalizedAddress, e.ContactId }).ToListAsync(ct);
        var upper = addresses.Select(a => a.ToUpperInvariant()).ToList();
        var colleagues = await db.Users.Where(u => upper.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        Guid? ContactOf(string address) => contacts.FirstOrDefault(c => c.NormalizedAddress == address)?.ContactId;
        Guid? ColleagueOf(string address) => colleagues.FirstOrDefault(c => string.Equals(c.NormalizedEmail, address, StringComparison.OrdinalIgnoreCase))?.Id;

        var outgoing = email.From is { } from && ColleagueOf(from.Address) is not null;
        var participants = new List<CommunicationParticipant>();
        void Add(EmailAddress address, ParticipantRole role)
        {
            if (participants.All(p => p.Address != address.Address || p.Role != role))
            {
                participants.Add(new CommunicationParticipant { Address = address.Address, Name = address.Name, ContactId = ContactOf(address.Address), UserId = ColleagueOf(address.Address), Role = role });
            }
        }

        if (email.From is { } sender)
        {
            Add(sender, ParticipantRole.From);
        }

        email.To.ToList().ForEach(a => Add(a, ParticipantRole.To));
        email.Cc.ToList().ForEach(a => Add(a, ParticipantRole.Cc));

        // Attachments that may not be stored (type, size) are named in the message instead; the message is filed anyway.
        var accepted = new List<IncomingFile>();
        var notStored = new List<string>();
        foreach (var attachment in email.Attachments)
        {
            var fileName = FileNames.Sanitise(attachment.FileName);
            var problem = DocumentUploadRules.Check(fileName, attachment.Content.Length, attachment.Content.AsSpan(0, Math.Min(attachment.Content.Length, FileTypes.HeadLength)), options.Value.MaxFileSizeBytes);
            if (problem is null)
            {
                var bytes = attachment.Content;
                accepted.Add(new IncomingFile(fileName, bytes.Length, () => new MemoryStream(bytes)));
            }
            else
            {
                notStored.Add(l[problem.Message, problem.Arguments].Value);
            }
        }

        var body = email.BodyHtml;
        if (notStored.Count > 0)
        {
            body += CommunicationBody.FromPlainText(l["Attachments not stored: {0}", string.Join(" ", notStored)].Value);
        }

        var now = clock.GetUtcNow();
        var author = me.DisplayName ?? me.ActorName;
        db.Communications.Add(new Communication
        {
            Kind = CommunicationKind.Email,
            Direction = outgoing ? CommunicationDirection.Outgoing : CommunicationDirection.Incoming,
            OccurredAt = email.Date,
            Subject = email.Subject.Length > 300 ? email.Subject[..300] : email.Subject,
            BodyHtml = body,
            DossierId = Dossier,
            ContactId = outgoing ? participants.FirstOrDefault(p => p.Role == ParticipantRole.To && p.ContactId != null)?.ContactId : participants.FirstOrDefault(p => p.Role == ParticipantRole.From)?.ContactId,
            MessageId = email.MessageId,
            AuthorUserId = me.UserId,
            AuthorName = author,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = author,
            Participants = participants,
        });

        if (accepted.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        // One SaveChanges for the message, its participants and its documents (DocumentUploads stores the files first).
        var outcome = await uploads.AddDocumentsAsync(Dossier, accepted, DocumentCategory.Correspondence, DateOnly.FromDateTime(Infrastructure.Time.AmsterdamTime.ToLocal(email.Date).DateTime), ct);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("Attachments that passed the upload rules were refused.");
        }
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var dossier = await access.FindAsync(Dossier);
        if (dossier is null)
        {
            return NotFound();
        }

        if (dossier.IsReadOnly || !await access.CanEditAsync(Dossier))
        {
            return Forbid();
        }

        Target = dossier;
        return null;
    }
}
