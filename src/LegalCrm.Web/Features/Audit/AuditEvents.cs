using System.Text.Json;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;

namespace LegalCrm.Web.Features.Audit;

/// <summary>
/// Records events that are not a row change (sign-ins, exports, merges) in the same audit table as the interceptor's
/// change rows. The entry joins the caller's unit of work: it is saved with the caller's next SaveChanges.
/// </summary>
public sealed class AuditEvents(CrmDbContext db, CurrentUser actor, TimeProvider clock, IHttpContextAccessor http)
{
    public void Add(string action, string entityType, string? entityId, object? details, AuditSubject? subject = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = actor.UserId,
            ActorName = actor.ActorName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            SubjectType = subject?.Type,
            SubjectId = subject?.Id,
            Changes = details is null ? null : JsonSerializer.Serialize(details),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
}
