using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Communications.Mailboxes;

public enum MailboxSecurity
{
    /// <summary>TLS from the first byte (IMAPS, usually port 993).</summary>
    Tls,

    /// <summary>Plain connection upgraded with STARTTLS (usually port 143); refused when the server does not offer it.</summary>
    StartTls,

    /// <summary>No encryption: only for a server on the same machine or network (tests, a local relay).</summary>
    None,
}

/// <summary>
/// A firm's IMAP mailbox that <see cref="MailboxPolling"/> reads: messages addressed to <c>inbox+2026-0042@…</c> or with
/// <c>[2026-0042]</c> in the subject are filed into that dossier, the rest wait in the triage queue. The password is
/// kept encrypted with ASP.NET Data Protection (<see cref="MailboxSecrets"/>), never in plain text.
/// </summary>
public sealed class Mailbox : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 993;

    public MailboxSecurity Security { get; set; } = MailboxSecurity.Tls;

    public string UserName { get; set; } = string.Empty;

    [Audit.AuditRedacted]
    public string EncryptedPassword { get; set; } = string.Empty;

    public string Folder { get; set; } = "INBOX";

    public bool Enabled { get; set; } = true;

    /// <summary>The folder's UIDVALIDITY when <see cref="LastUid"/> was read; when the server changes it, UIDs start over.</summary>
    public long UidValidity { get; set; }

    /// <summary>The highest UID handled: the next poll asks only for messages after it.</summary>
    public long LastUid { get; set; }

    public DateTimeOffset? LastPolledAt { get; set; }

    public DateTimeOffset? LastSucceededAt { get; set; }

    /// <summary>Why the last attempt failed, for the administrator (an English message key; details are in the log).</summary>
    public string? LastError { get; set; }

    public int ConsecutiveFailures { get; set; }

    /// <summary>After a failure, the next attempt waits (see <see cref="MailboxBackoff"/>) so a broken server is not hammered.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public int MessagesFiled { get; set; }

    public int MessagesToTriage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
}

public enum TriageStatus
{
    Open,
    Filed,
    Discarded,
}

public enum TriageSource
{
    Mailbox,
    Upload,
}

/// <summary>
/// An e-mail not yet filed: from the mailbox without a dossier number, or uploaded without a dossier. It keeps the
/// original message (so filing later stores the same body and attachments) until a user files or discards it.
/// </summary>
public sealed class TriageMessage : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public TriageSource Source { get; set; }

    public Guid? MailboxId { get; set; }

    /// <summary>The e-mail's Message-ID, or a hash of its content when it has none: it is captured only once.</summary>
    public string MessageKey { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public string FromName { get; set; } = string.Empty;

    public string FromAddress { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public int AttachmentCount { get; set; }

    /// <summary>The dossier it probably belongs to, worked out when it arrived (<see cref="EmailFiling.SuggestAsync"/>).</summary>
    public Guid? SuggestedDossierId { get; set; }

    /// <summary>The raw message (RFC 5322), cleared once it is filed or discarded.</summary>
    [Audit.AuditRedacted]
    public byte[]? Content { get; set; }

    public TriageStatus Status { get; set; }

    public Guid? CommunicationId { get; set; }

    public string? HandledBy { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public uint RowVersion { get; set; }
}
