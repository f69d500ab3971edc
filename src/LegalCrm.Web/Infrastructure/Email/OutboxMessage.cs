using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Infrastructure.Email;

/// <summary>
/// An e-mail waiting to be sent. Written in the same transaction as the change that causes it, sent by
/// <see cref="OutboxDispatcher"/>. The body is cleared once sent: links in it (password reset, invitation) are secrets.
/// </summary>
[NotAudited]
public sealed class OutboxMessage : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    public string? TextBody { get; set; }

    public string? HtmlBody { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
