using MimeKit;

namespace LegalCrm.Web.Features.Communications;

public sealed record EmailAddress(string Name, string Address);

public sealed record EmailAttachment(string FileName, byte[] Content);

/// <summary>An e-mail as read from an .eml file: who, when, what, and its attachments.</summary>
public sealed record ParsedEmail(
    string? MessageId,
    DateTimeOffset Date,
    string Subject,
    EmailAddress? From,
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc,
    string BodyHtml,
    IReadOnlyList<EmailAttachment> Attachments);

public sealed class EmailFileException(string message) : Exception(message);

/// <summary>
/// Reads an .eml file with MimeKit (charsets, encoded headers, multipart/alternative and attachments are MimeKit's
/// work). The body becomes sanitised HTML: the HTML part if there is one, else the text part. A file that is not an
/// e-mail (no sender, no date and no subject) is refused with a message for the user (English key, translated by the page).
/// </summary>
public static class EmailFileReader
{
    public const long MaxBytes = 60L * 1024 * 1024;

    public static async Task<ParsedEmail> ReadAsync(Stream content, CancellationToken ct = default)
    {
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(content, ct);
        }
        catch (FormatException)
        {
            throw new EmailFileException("This file is not an e-mail (.eml) that can be read.");
        }

        if (message.From.Count == 0 && message.Date == DateTimeOffset.MinValue && string.IsNullOrEmpty(message.Subject))
        {
            throw new EmailFileException("This file is not an e-mail (.eml) that can be read.");
        }

        var body = message.HtmlBody is { } html
            ? CommunicationBody.Sanitise(html)
            : CommunicationBody.FromPlainText(message.TextBody);
        var attachments = new List<EmailAttachment>();
        foreach (var part in message.Attachments.OfType<MimePart>().Where(p => p.Content is not null))
        {
            using var buffer = new MemoryStream();
            await part.Content!.DecodeToAsync(buffer, ct);
            attachments.Add(new EmailAttachment(part.FileName ?? "bijlage", buffer.ToArray()));
        }

        return new ParsedEmail(
            string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId!.Trim(),
            message.Date == DateTimeOffset.MinValue ? DateTimeOffset.UtcNow : message.Date.ToUniversalTime(),
            string.IsNullOrWhiteSpace(message.Subject) ? "(geen onderwerp)" : message.Subject.Trim(),
            Addresses(message.From).FirstOrDefault(),
            Addresses(message.To),
            Addresses(message.Cc),
            body,
            attachments);
    }

    private static List<EmailAddress> Addresses(InternetAddressList list) =>
        list.Mailboxes.Select(m => new EmailAddress(string.IsNullOrWhiteSpace(m.Name) ? m.Address : m.Name, m.Address.ToLowerInvariant())).ToList();
}
