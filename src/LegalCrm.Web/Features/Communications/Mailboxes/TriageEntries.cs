namespace LegalCrm.Web.Features.Communications.Mailboxes;

/// <summary>Puts an e-mail that names no dossier in the triage queue, with the original message kept for filing later.</summary>
public static class TriageEntries
{
    public static TriageMessage Entry(ParsedEmail email, string messageKey, byte[] raw, TriageSource source, Guid? mailboxId, DateTimeOffset now, Guid? suggestedDossierId = null) => new()
    {
        Source = source,
        MailboxId = mailboxId,
        MessageKey = messageKey,
        ReceivedAt = now,
        SentAt = email.Date,
        FromName = Cut(email.From?.Name ?? string.Empty, 300),
        FromAddress = Cut(email.From?.Address ?? string.Empty, 320),
        Subject = Cut(email.Subject, 300),
        AttachmentCount = email.Attachments.Count,
        Content = raw,
        Status = TriageStatus.Open,
        SuggestedDossierId = suggestedDossierId,
    };

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}
