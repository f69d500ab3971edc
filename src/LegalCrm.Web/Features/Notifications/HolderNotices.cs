using LegalCrm.Web.Data;
using LegalCrm.Web.Infrastructure;
using LegalCrm.Web.Infrastructure.Email;
using LegalCrm.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LegalCrm.Web.Features.Notifications;

/// <summary>
/// One occasion to tell everyone who holds any of <paramref name="Permissions"/>: in the app and by e-mail, once per
/// person and <paramref name="DedupKey"/>. <paramref name="Text"/> and <paramref name="Subject"/> are made in each
/// recipient's language (they run under the recipient's culture).
/// </summary>
public sealed record HolderNotice(IReadOnlyList<string> Permissions, string DedupKey, string Link, Func<string> Text, Func<string> Subject, bool Urgent = false);

/// <summary>
/// Sends notices to the active users whose roles grant a permission (the privacy officer, the admins…). Each message
/// goes once per person and occasion, also when a job is retried or runs on two servers at once: the notification's
/// unique key is saved together with the e-mail in the outbox, and runs for the same firm take turns (an advisory lock),
/// so a second run finds what the first sent.
/// </summary>
public static class HolderNotices
{
    /// <summary>Returns how many messages went out now (0 when another run sent them first).</summary>
    public static async Task<int> TellAsync(IServiceProvider services, IReadOnlyList<HolderNotice> notices, DateTimeOffset now, CancellationToken ct)
    {
        if (notices.Count == 0)
        {
            return 0;
        }

        var db = services.GetRequiredService<CrmDbContext>();
        // Two runs at once (a retry, a second server) take turns per firm: the second then finds what the first sent.
        // Without it their inserts could meet in different orders and deadlock.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await FirmLocks.TakeAsync(db, "holder-notices", ct);
        var permissions = notices.SelectMany(n => n.Permissions).Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => u.DisabledAt == null)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.PreferredCulture,
                Permissions = db.RoleGrants.Where(g => permissions.Contains(g.Permission) && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == g.RoleId)).Select(g => g.Permission).ToList(),
            })
            .Where(u => u.Permissions.Count > 0)
            .OrderBy(u => u.Id)
            .ToListAsync(ct);
        var keys = notices.Select(m => m.DedupKey).ToList();
        var sent = (await db.Notifications.Where(n => keys.Contains(n.DedupKey)).Select(n => new { n.UserId, n.DedupKey }).ToListAsync(ct))
            .Select(n => (n.UserId, n.DedupKey)).ToHashSet();
        var outbox = services.GetRequiredService<EmailOutbox>();
        var publicUrl = services.GetRequiredService<IOptions<AppOptions>>().Value.PublicUrl.TrimEnd('/');
        var count = 0;
        foreach (var notice in notices)
        {
            foreach (var person in people.Where(p => p.Permissions.Intersect(notice.Permissions).Any() && !sent.Contains((p.Id, notice.DedupKey))))
            {
                using var _ = new RecipientCulture(person.PreferredCulture);
                var text = notice.Text();
                db.Notifications.Add(new Notification { UserId = person.Id, CreatedAt = now, Text = text, Link = notice.Link, Urgent = notice.Urgent, DedupKey = notice.DedupKey });
                outbox.Add(person.Email!, person.DisplayName, notice.Subject(), text + "\n\n" + publicUrl + notice.Link + "\n");
                count++;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another run (one that does not share the lock: a caller's own transaction) sent these a moment ago; its
            // e-mails went with them, ours are dropped with our notifications.
            db.ChangeTracker.Clear();
            return 0;
        }

        return count;
    }
}
