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
/// Each morning, in the app and by e-mail: those who keep the register (<c>privacy.register</c>) hear of processor
/// agreements due for review within two weeks or overdue; those who handle requests (<c>privacy.requests</c>) hear of
/// open data-subject requests a week and a day before their deadline and when it has passed (art. 12(3)). Each message
/// once per person and occasion, also when the job is retried or runs on two servers (the notification's unique key,
/// saved with the e-mail).
/// </summary>
public sealed class PrivacyReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PrivacyReminders> logger)
{
    public const string JobId = "privacy-reminders";

    /// <summary>08:00 Amsterdam time, every day.</summary>
    public const string Schedule = "0 8 * * *";

    public const int ReviewDaysAhead = 14;

    [AutomaticRetry(Attempts = 5)]
    public async Task SendAllAsync(CancellationToken ct)
    {
        foreach (var firm in await TenantDirectory.ActiveFirmIdsAsync(scopes, ct))
        {
            await SendForFirmAsync(firm, ct);
        }
    }

    /// <summary>Sends the firm's reminders of today; returns how many messages went out now.</summary>
    public async Task<int> SendForFirmAsync(Guid firm, CancellationToken ct)
    {
        await using var scope = scopes.CreateFirmScope(firm, "privacy reminders");
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CrmDbContext>();
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var today = AmsterdamTime.Today(clock);
        var messages = new List<HolderNotice>();
        string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

        var reviewHorizon = today.AddDays(ReviewDaysAhead);
        foreach (var p in await db.Processors.AsNoTracking().Where(p => p.NextReviewOn != null && p.NextReviewOn <= reviewHorizon)
                     .Select(p => new { p.Id, p.Name, Review = p.NextReviewOn!.Value }).ToListAsync(ct))
        {
            messages.Add(new HolderNotice([Permissions.PrivacyRegister], $"processor-review:{p.Id:N}:{p.Review.DayNumber}", $"/Privacy/Processors/Edit/{p.Id}",
                () => (p.Review < today
                    ? l["The review of the processing agreement with {0} was due on {1}.", p.Name, Date(p.Review)]
                    : l["The processing agreement with {0} is due for review on {1}.", p.Name, Date(p.Review)]).Value,
                () => l["Review of a processor: {0}", p.Name].Value));
        }

        // Open requests are few (a firm gets some a month): each is checked against its own deadline.
        foreach (var r in await db.DataSubjectRequests.AsNoTracking().Where(r => r.Status == RequestStatus.Open)
                     .Select(r => new { r.Id, r.PersonName, r.Kind, r.ReceivedOn, r.ExtensionMonths }).ToListAsync(ct))
        {
            var due = RequestDeadlines.Due(r.ReceivedOn, r.ExtensionMonths);
            var left = due.DayNumber - today.DayNumber;
            var stage = left < 0 ? "late" : left <= 1 ? "day" : left <= 7 ? "week" : null;
            if (stage is null)
            {
                continue;
            }

            messages.Add(new HolderNotice([Permissions.PrivacyRequests], $"request-deadline:{r.Id:N}:{due.DayNumber}:{stage}", $"/Privacy/Requests/Edit/{r.Id}",
                () => (left < 0
                    ? l["The answer to the request of {0} ({1}) was due on {2}.", r.PersonName, l["request:" + r.Kind], Date(due)]
                    : l["The request of {0} ({1}) must be answered by {2}.", r.PersonName, l["request:" + r.Kind], Date(due)]).Value,
                () => l["Data-subject request: {0}", r.PersonName].Value));
        }

        var count = await HolderNotices.TellAsync(services, messages, clock.GetUtcNow(), ct);
        if (count > 0)
        {
            logger.LogInformation("Sent {Messages} privacy reminders for firm {FirmId}", count, firm);
        }

        return count;
    }
}
