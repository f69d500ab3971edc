using System.Globalization;
using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Notifications;
using LegalCrm.Web.Infrastructure;
using LegalCrm.Web.Infrastructure.Email;
using LegalCrm.Web.Infrastructure.Localization;
using LegalCrm.Web.Infrastructure.Time;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Deadlines;

/// <summary>
/// Every few minutes: sends the reminders whose time has come (<see cref="Deadline.NextReminderAt"/>) to the people
/// responsible, in the app and by e-mail (through the outbox), each in their own language, and plans the next one.
/// Exactly once, also when the job is retried or runs on two servers at the same moment: a batch locks its deadlines
/// (FOR UPDATE SKIP LOCKED) and moves them on in the same transaction as the messages; a unique key per user and
/// reminder guards the rest. A closed dossier sends no reminders. E-mail goes out with the outbox's next sweep.
/// The same sweep escalates fatal deadlines still open one working day before they end
/// (<see cref="DeadlineReminders.EscalationHorizon"/>), once per deadline, in the same way.
/// </summary>
public sealed class DeadlineReminderSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineReminderSweep> logger)
{
    public const string JobId = "deadline-reminders";

    public const int BatchSize = 500;

    [AutomaticRetry(Attempts = 5)]
    public async Task SweepAsync(CancellationToken ct)
    {
        var firms = await TenantDirectory.ActiveFirmIdsAsync(scopes, ct);

        foreach (var firm in firms)
        {
            while (await SendBatchAsync(firm, ct) == BatchSize)
            {
            }

            while (await EscalateBatchAsync(firm, ct) == BatchSize)
            {
            }
        }
    }

    /// <summary>Sends one batch of a firm's due reminders; returns how many deadlines it handled.</summary>
    public async Task<int> SendBatchAsync(Guid firm, CancellationToken ct)
    {
        await using var work = new FirmWork(scopes, firm, "deadline reminders");
        var (db, l) = (work.Db, work.L);
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Deadlines
            .FromSql($"SELECT d.*, d.xmin FROM deadlines d WHERE status = 'Open' AND next_reminder_at <= {now} ORDER BY next_reminder_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .AsTracking()
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var dossierIds = due.Select(d => d.DossierId).Distinct().ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => dossierIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Number, d.Title, d.Status }).ToDictionaryAsync(d => d.Id, ct);
        var userIds = due.SelectMany(d => d.ResponsibleUserIds).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.DisabledAt == null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture }).ToDictionaryAsync(u => u.Id, ct);

        var sent = 0;
        foreach (var deadline in due)
        {
            var slot = deadline.NextReminderAt!.Value;
            var dossier = dossiers[deadline.DossierId];
            if (DossierLifecycle.IsReadOnly(dossier.Status))
            {
                deadline.NextReminderAt = null;
                continue;
            }

            var daysBefore = DeadlineReminders.DaysBefore(deadline.DueDate, slot);
            foreach (var user in deadline.ResponsibleUserIds.Where(users.ContainsKey).Select(id => users[id]))
            {
                using var _ = new RecipientCulture(user.PreferredCulture);
                var when = daysBefore == 0 ? l["today"].Value : l["in {0} days, on {1}", daysBefore, deadline.DueDate.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture)].Value;
                var kind = l["deadline:" + deadline.Kind].Value;
                var text = l["{0}: deadline \"{1}\" in dossier {2} ends {3}.", kind, deadline.Title, dossier.Number, when].Value;
                work.Tell(user.Id, user.Email!, user.DisplayName, deadline.Id, now, text, l["Reminder: {0} ({1})", deadline.Title, dossier.Number].Value,
                    dossier.Number + " · " + dossier.Title, urgent: deadline.IsFatal, dedupKey: $"deadline-reminder:{deadline.Id}:{slot.UtcTicks}");
                sent++;
            }

            deadline.LastReminderAt = slot;
            deadline.PlanReminders(now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // No job per e-mail: at 09:00 thousands of reminders fall due together, and the outbox's own minutely sweep
        // (OutboxDispatcher) sends them within the minute.
        logger.LogInformation("Sent {Messages} deadline reminders for {Deadlines} deadlines of firm {FirmId}", sent, due.Count, firm);
        return due.Count;
    }

    /// <summary>Escalates one batch of a firm's fatal deadlines that end by the next working day; returns how many it handled.</summary>
    public async Task<int> EscalateBatchAsync(Guid firm, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!DeadlineReminders.EscalationHourReached(now))
        {
            return 0;
        }

        await using var work = new FirmWork(scopes, firm, "deadline escalation");
        var (db, l) = (work.Db, work.L);
        var today = AmsterdamTime.Today(clock);
        var horizon = DeadlineReminders.EscalationHorizon(today, await FirmHolidays.LoadAsync(db, ct));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Deadlines
            .FromSql($"SELECT d.*, d.xmin FROM deadlines d WHERE status = 'Open' AND kind = 'Fatal' AND escalated_at IS NULL AND due_date >= {today} AND due_date <= {horizon} ORDER BY due_date LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .AsTracking()
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var dossierIds = due.Select(d => d.DossierId).Distinct().ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => dossierIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Number, d.Title, d.Status }).ToDictionaryAsync(d => d.Id, ct);
        var responsibleIds = due.SelectMany(d => d.ResponsibleUserIds).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => responsibleIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.BackupUserId }).ToDictionaryAsync(u => u.Id, ct);
        var backups = people.Values.Where(p => p.BackupUserId is not null).ToDictionary(p => p.Id, p => p.BackupUserId!.Value);
        var officeManager = await db.Firms.Select(f => f.OfficeManagerUserId).SingleAsync(ct);
        var candidates = backups.Values.Concat(responsibleIds).Append(officeManager ?? Guid.Empty).Distinct().ToList();
        var recipients = await db.Users.AsNoTracking().Where(u => candidates.Contains(u.Id) && u.DisabledAt == null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture }).ToDictionaryAsync(u => u.Id, ct);
        // A disabled backup or office manager is no backup: the warning then falls back as if none were named.
        backups = backups.Where(b => recipients.ContainsKey(b.Value)).ToDictionary();
        officeManager = officeManager is { } m && recipients.ContainsKey(m) ? m : null;

        var sent = 0;
        foreach (var deadline in due)
        {
            deadline.EscalatedAt = now;
            var dossier = dossiers[deadline.DossierId];
            if (DossierLifecycle.IsReadOnly(dossier.Status))
            {
                continue;
            }

            var responsibleNames = string.Join(", ", deadline.ResponsibleUserIds.Where(people.ContainsKey).Select(id => people[id].DisplayName));
            foreach (var user in DeadlineReminders.EscalationRecipients(deadline.ResponsibleUserIds, backups, officeManager).Where(recipients.ContainsKey).Select(id => recipients[id]))
            {
                using var _ = new RecipientCulture(user.PreferredCulture);
                var text = l["Escalation: fatal deadline \"{0}\" in dossier {1} ends on {2} and is still open. Responsible: {3}.", deadline.Title, dossier.Number, deadline.DueDate.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture), responsibleNames].Value;
                work.Tell(user.Id, user.Email!, user.DisplayName, deadline.Id, now, text, l["Escalation: {0} ({1})", deadline.Title, dossier.Number].Value,
                    dossier.Number + " · " + dossier.Title, urgent: true, dedupKey: $"deadline-escalation:{deadline.Id}:{deadline.DueDate.DayNumber}");
                sent++;
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogWarning("Escalated {Deadlines} fatal deadlines of firm {FirmId} ({Messages} messages)", due.Count, firm, sent);
        return due.Count;
    }

    /// <summary>One batch's working scope for one firm (as the system), and how it tells a person about a deadline.</summary>
    private sealed class FirmWork : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;
        private readonly EmailOutbox _outbox;
        private readonly string _publicUrl;

        public FirmWork(IServiceScopeFactory scopes, Guid firm, string purpose)
        {
            _scope = scopes.CreateFirmScope(firm, purpose);
            var services = _scope.ServiceProvider;
            Db = services.GetRequiredService<CrmDbContext>();
            L = services.GetRequiredService<IStringLocalizer<SharedResource>>();
            _outbox = services.GetRequiredService<EmailOutbox>();
            _publicUrl = services.GetRequiredService<IOptions<AppOptions>>().Value.PublicUrl.TrimEnd('/');
        }

        public CrmDbContext Db { get; }

        public IStringLocalizer<SharedResource> L { get; }

        /// <summary>A notification under the bell and an e-mail through the outbox, saved with the batch.</summary>
        public void Tell(Guid userId, string email, string name, Guid deadlineId, DateTimeOffset now, string text, string subject, string dossierLine, bool urgent, string dedupKey)
        {
            var link = $"/Deadlines/{deadlineId}";
            Db.Notifications.Add(new Notification { UserId = userId, CreatedAt = now, Text = text, Link = link, Urgent = urgent, DedupKey = dedupKey });
            _outbox.Add(email, name, subject, text + "\n\n" + dossierLine + "\n" + _publicUrl + link + "\n");
        }

        public ValueTask DisposeAsync() => _scope.DisposeAsync();
    }
}
