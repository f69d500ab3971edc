using System.Security.Cryptography;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Communications;

/// <summary>A dossier an e-mail probably belongs to, and why.</summary>
public sealed record DossierSuggestion(Guid DossierId, string Number, string Title, bool ByNumber);

/// <summary>
/// Files an e-mail into a dossier, the one way for every route (upload, mailbox, triage queue): participants matched to
/// contacts and colleagues by address, attachments stored as dossier documents in the same transaction, attachments
/// that may not be stored named in the message instead. Also knows whether a message was captured before and which
/// dossier it probably belongs to.
/// </summary>
public sealed class EmailFiling(CrmDbContext db, DocumentUploads uploads, TimeProvider clock, IOptions<DocumentOptions> options, IStringLocalizer<SharedResource> l)
{
    /// <summary>The Message-ID, or for a message without one a hash of its bytes: the same message is captured only once.</summary>
    public static string KeyOf(ParsedEmail email, ReadOnlySpan<byte> raw) =>
        email.MessageId ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw));

    /// <summary>Whether this message is already in a dossier or in the triage queue of the firm.</summary>
    public async Task<bool> IsCapturedAsync(string messageKey, CancellationToken ct = default) =>
        await db.Communications.AnyAsync(c => c.MessageId == messageKey, ct)
        || await db.TriageMessages.AnyAsync(t => t.MessageKey == messageKey, ct);

    /// <summary>
    /// The dossier named by a plus-address or a [number] in the subject (open or not, as long as it is not closed), else
    /// the open dossiers the sender or recipients are a party in, newest first.
    /// </summary>
    public async Task<IReadOnlyList<DossierSuggestion>> SuggestAsync(ParsedEmail email, CancellationToken ct = default)
    {
        var candidates = Mailboxes.DossierReference.Candidates(email.Subject, email.To.Concat(email.Cc).Select(a => a.Address));
        if (candidates.Count > 0)
        {
            var named = await db.Dossiers.AsNoTracking()
                .Where(d => candidates.Contains(d.Number) && d.Status != DossierStatus.Closed && d.Status != DossierStatus.Archived)
                .Select(d => new DossierSuggestion(d.Id, d.Number, d.Title, true))
                .ToListAsync(ct);
            if (named.Count > 0)
            {
                return named;
            }
        }

        var addresses = Everyone(email).Select(a => a.Address).Distinct().ToList();
        var contacts = db.Set<Clients.ContactEmail>().Where(e => addresses.Contains(e.NormalizedAddress)).Select(e => e.ContactId);
        var dossiers = db.Set<DossierParty>().Where(p => contacts.Contains(p.ContactId)).Select(p => p.DossierId);
        return await db.Dossiers.AsNoTracking()
            .Where(d => dossiers.Contains(d.Id) && (d.Status == DossierStatus.Open || d.Status == DossierStatus.Intake))
            .OrderByDescending(d => d.OpenedOn).ThenByDescending(d => d.Id)
            .Take(5)
            .Select(d => new DossierSuggestion(d.Id, d.Number, d.Title, false))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Adds the e-mail (and its attachments as documents) to the dossier and saves, in one transaction. The caller has
    /// checked the dossier may be changed and that the message was not captured before.
    /// </summary>
    public async Task<Communication> FileAsync(ParsedEmail email, string messageKey, Guid dossierId, Guid? authorUserId, string authorName, CancellationToken ct = default)
    {
        var everyone = Everyone(email);
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
        var communication = new Communication
        {
            Kind = CommunicationKind.Email,
            Direction = outgoing ? CommunicationDirection.Outgoing : CommunicationDirection.Incoming,
            OccurredAt = email.Date,
            Subject = email.Subject.Length > 300 ? email.Subject[..300] : email.Subject,
            BodyHtml = body,
            DossierId = dossierId,
            ContactId = outgoing ? participants.FirstOrDefault(p => p.Role == ParticipantRole.To && p.ContactId != null)?.ContactId : participants.FirstOrDefault(p => p.Role == ParticipantRole.From)?.ContactId,
            MessageId = messageKey,
            AuthorUserId = authorUserId,
            AuthorName = authorName,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = authorName,
            Participants = participants,
        };
        db.Communications.Add(communication);

        if (accepted.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return communication;
        }

        // One SaveChanges for the message, its participants and its documents (DocumentUploads stores the files first).
        var outcome = await uploads.AddDocumentsAsync(dossierId, accepted, DocumentCategory.Correspondence, DateOnly.FromDateTime(Infrastructure.Time.AmsterdamTime.ToLocal(email.Date).DateTime), ct);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("Attachments that passed the upload rules were refused.");
        }

        return communication;
    }

    private static List<EmailAddress> Everyone(ParsedEmail email) =>
        new[] { email.From }.OfType<EmailAddress>().Concat(email.To).Concat(email.Cc).ToList();
}
