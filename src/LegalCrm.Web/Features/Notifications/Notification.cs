using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Notifications;

/// <summary>
/// A message to one user in the app (the bell): a deadline reminder, later task and escalation messages. Written in the
/// recipient's language when it is created. <see cref="DedupKey"/> is unique per user, so a job that runs twice, or on
/// two servers, cannot say the same thing twice. A transport like the outbox, not client data: not audited.
/// </summary>
[NotAudited]
public sealed class Notification : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>A path within the app ("/Deadlines/…"), never an outside address.</summary>
    public string Link { get; set; } = string.Empty;

    public bool Urgent { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public string DedupKey { get; set; } = string.Empty;
}
