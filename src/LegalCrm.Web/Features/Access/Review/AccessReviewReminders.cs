using System.Globalization;
using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Notifications;
using LegalCrm.Web.Infrastructure.Time;
using LegalCrm.Web.Tenancy;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access.Review;

/// <summary>
/// Tells the holders of <c>admin.review</c> when the quarterly access review is due, and once more when it is a month
/// late; each message once (<see cref="HolderNotices"/>).
/// </summary>
public sealed class AccessReviewReminders(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string JobId = "access-review-reminders";

    /// <summary>08:00 Amsterdam time, every day.</summary>
    public const string Schedule = "0 8 * * *";

    [AutomaticRetry(Attempts = 5)]
    public async Task SendAllAsync(CancellationToken ct)
    {
        foreach (var firm in await TenantDirectory.ActiveFirmIdsAsync(scopes, ct))
        {
            await SendForFirmAsync(firm, ct);
        }
    }

    /// <summary>Returns how many messages went out now.</summary>
    public async Task<int> SendForFirmAsync(Guid firm, CancellationToken ct)
    {
        await using var scope = scopes.CreateFirmScope(firm, "access review reminder");
        var services = scope.ServiceProvider;
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var due = await AccessReport.NextReviewDueAsync(services.GetRequiredService<CrmDbContext>(), ct);
        if (AccessReviewSchedule.ReminderStage(AmsterdamTime.Today(clock), due) is not { } stage)
        {
            return 0;
        }

        var notice = new HolderNotice([Permissions.AdminReview], $"access-review:{due.DayNumber}:{stage}", "/Access/Review",
            () => (stage == "overdue"
                ? l["The quarterly access review was due on {0} and has not been recorded yet.", due.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)]
                : l["The quarterly access review is due on {0}: check who may do and see what, and record it.", due.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)]).Value,
            () => l["Access review due"].Value);
        return await HolderNotices.TellAsync(services, [notice], clock.GetUtcNow(), ct);
    }
}
