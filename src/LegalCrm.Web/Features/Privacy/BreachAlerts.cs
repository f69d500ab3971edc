using System.Globalization;
using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Notifications;
using LegalCrm.Web.Infrastructure.Time;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// Every five minutes: for each open breach whose 72-hour clock still runs (art. 33(1)), alerts the privacy officer and
/// the admins (<c>privacy.breaches</c>, <c>admin.users</c>) once it has run 24, 48, 60 and 72 hours — in the app and by
/// e-mail, once per stage. A sweep rather than jobs scheduled per breach: correcting the moment of awareness, notifying
/// the AP or deciding not to stops or moves the alerts without jobs to cancel (decision 0016).
/// </summary>
public sealed class BreachAlerts(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BreachAlerts> logger)
{
    public const string JobId = "breach-alerts";

    public const string Schedule = "*/5 * * * *";

    [AutomaticRetry(Attempts = 5)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task SweepAsync(CancellationToken ct)
    {
        foreach (var firm in await TenantDirectory.ActiveFirmIdsAsync(scopes, ct))
        {
            await AlertFirmAsync(firm, ct);
        }
    }

    /// <summary>Sends the alerts now due for the firm's breaches; returns how many messages went out.</summary>
    public async Task<int> AlertFirmAsync(Guid firm, CancellationToken ct)
    {
        await using var scope = scopes.CreateFirmScope(firm, "breach alerts");
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CrmDbContext>();
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var now = clock.GetUtcNow();
        var notices = new List<HolderNotice>();
        var running = await db.Breaches.AsNoTracking()
            .Where(b => b.Status == BreachStatus.Open && b.AuthorityNotifiedAt == null && b.AuthorityDecision != AuthorityDecision.DoNotNotify)
            .Select(b => new { b.Id, b.Number, b.Title, b.DiscoveredAt })
            .ToListAsync(ct);
        foreach (var b in running)
        {
            if (BreachClock.AlertDue(b.DiscoveredAt, now) is not { } hours)
            {
                continue;
            }

            var deadline = BreachClock.Deadline(b.DiscoveredAt);
            string Deadline() => AmsterdamTime.ToLocal(deadline).ToString("d MMMM HH:mm", CultureInfo.CurrentCulture);
            // The stage key carries the moment of awareness: correcting it starts the alerts afresh.
            notices.Add(new HolderNotice([Permissions.PrivacyBreaches, Permissions.AdminUsers], $"breach-clock:{b.Id:N}:{b.DiscoveredAt.ToUnixTimeSeconds()}:{hours}",
                $"/Privacy/Breaches/Edit/{b.Id}",
                () => (hours >= 72
                    ? l["Data breach {0} ({1}): the 72 hours to notify the AP have passed ({2}). Notify now and give the reasons for the delay, or record the decision not to notify.", b.Number, b.Title, Deadline()]
                    : l["Data breach {0} ({1}): {2} hours since the firm became aware. Notify the AP by {3} or record the decision not to notify.", b.Number, b.Title, hours, Deadline()]).Value,
                () => l["Data breach {0}: {1} hours of 72", b.Number, hours].Value,
                Urgent: hours >= 60));
        }

        var count = await HolderNotices.TellAsync(services, notices, now, ct);
        if (count > 0)
        {
            logger.LogWarning("Sent {Messages} breach clock alerts for firm {FirmId}", count, firm);
        }

        return count;
    }
}
