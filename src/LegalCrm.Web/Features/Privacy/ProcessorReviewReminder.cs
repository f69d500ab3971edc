using System.Globalization;
using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Notifications;
using LegalCrm.Web.Infrastructure;
using LegalCrm.Web.Infrastructure.Email;
using LegalCrm.Web.Infrastructure.Localization;
using LegalCrm.Web.Infrastructure.Time;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// Each morning: everyone who keeps the register (<c>privacy.register</c>) hears of the processors whose agreement is
/// due for review within two weeks or overdue, in the app and by e-mail — once per processor and review date, also
/// when the job is retried or runs on two servers (the notification's unique key, saved with the e-mail).
/// </summary>
public sealed class ProcessorReviewReminder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProcessorReviewReminder> logger)
{
    public const string JobId = "processor-review-reminder";

    /// <summary>08:00 Amsterdam time, every day.</summary>
    public const string Schedule = "0 8 * * *";

    public const int DaysAhead = 14;

    [AutomaticRetry(Attempts = 5)]
    public async Task SendAllAsync(CancellationToken ct)
    {
        var firms = await TenantDirectory.ActiveFirmIdsAsync(scopes, ct);

        foreach (var firm in firms)
        {
            await SendForFirmAsync(firm, ct);
        }
    }

    /// <summary>Sends the firm's reminders of today; returns how many messages went out now.</summary>
    public async Task<int> SendForFirmAsync(Guid firm, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantContext>().Enter(firm);
        services.GetRequiredService<CurrentUser>().ActAsSystem("processor review reminder");
        var db = services.GetRequiredService<CrmDbContext>();
        var today = AmsterdamTime.Today(clock);
        var horizon = today.AddDays(DaysAhead);
        var due = await db.Processors.AsNoTracking()
            .Where(p => p.NextReviewOn != null && p.NextReviewOn <= horizon)
            .OrderBy(p => p.NextReviewOn).Select(p => new { p.Id, p.Name, Review = p.NextReviewOn!.Value })
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var keepers = await db.Users.AsNoTracking()
            .Where(u => u.DisabledAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.RoleGrants.Any(g => g.RoleId == ur.RoleId && g.Permission == Permissions.PrivacyRegister)))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(ct);
        var keys = due.Select(p => DedupKey(p.Id, p.Review)).ToList();
        var sent = await db.Notifications.Where(n => keys.Contains(n.DedupKey)).Select(n => new { n.UserId, n.DedupKey }).ToListAsync(ct);
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var outbox = services.GetRequiredService<EmailOutbox>();
        var publicUrl = services.GetRequiredService<IOptions<AppOptions>>().Value.PublicUrl.TrimEnd('/');
        var now = clock.GetUtcNow();
        var messages = 0;
        foreach (var processor in due)
        {
            var key = DedupKey(processor.Id, processor.Review);
            foreach (var keeper in keepers.Where(k => !sent.Any(s => s.UserId == k.Id && s.DedupKey == key)))
            {
                using var _ = new RecipientCulture(keeper.PreferredCulture);
                var date = processor.Review.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
                var text = (processor.Review < today
                    ? l["The review of the processing agreement with {0} was due on {1}.", processor.Name, date]
                    : l["The processing agreement with {0} is due for review on {1}.", processor.Name, date]).Value;
                var link = $"/Privacy/Processors/Edit/{processor.Id}";
                db.Notifications.Add(new Notification { UserId = keeper.Id, CreatedAt = now, Text = text, Link = link, DedupKey = key });
                outbox.Add(keeper.Email!, keeper.DisplayName, l["Review of a processor: {0}", processor.Name].Value, text + "\n\n" + publicUrl + link + "\n");
                messages++;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another run sent these a moment ago; its e-mails went with them, ours are dropped with our notifications.
            return 0;
        }

        logger.LogInformation("Sent {Messages} processor review reminders for firm {FirmId}", messages, firm);
        return messages;
    }

    private static string DedupKey(Guid processor, DateOnly review) => $"processor-review:{processor:N}:{review.DayNumber}";
}
