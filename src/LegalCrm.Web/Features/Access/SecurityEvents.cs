using System.Text.Json;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// Writes sign-in and account events of a known account into its firm's audit trail. (A failed sign-in for an
/// address no firm has can only be logged: there is no firm to record it for.)
/// </summary>
public sealed class SecurityEvents(CrmDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task RecordAsync(CrmUser user, string action, object? details = null, CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = user.TenantId,
            OccurredAt = clock.GetUtcNow(),
            UserId = user.Id,
            ActorName = user.Email ?? user.UserName ?? user.Id.ToString(),
            Action = action,
            EntityType = nameof(CrmUser),
            EntityId = user.Id.ToString(),
            Changes = details is null ? null : JsonSerializer.Serialize(details),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(ct);
    }
}
