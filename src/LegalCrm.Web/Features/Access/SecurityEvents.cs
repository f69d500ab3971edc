using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// Writes sign-in and account events of a known account into its firm's audit trail, attributed to that account.
/// (A failed sign-in for an address no firm has can only be logged: there is no firm to record it for.)
/// </summary>
public sealed class SecurityEvents(CrmDbContext db, CurrentUser actor, AuditEvents events)
{
    public async Task RecordAsync(CrmUser user, string action, object? details = null, CancellationToken ct = default)
    {
        actor.Identify(user.Id, user.Email ?? user.UserName ?? user.Id.ToString());
        events.Add(action, nameof(CrmUser), user.Id.ToString(), details);
        await db.SaveChangesAsync(ct);
    }
}
