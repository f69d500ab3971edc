using System.Globalization;
using System.Text;
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

namespace LegalCrm.Web.Features.Tasks;

/// <summary>
/// Each working morning: one message per person listing the open tasks past their due date that are theirs or their
/// teams', in the app and by e-mail. Only tasks the person may see are named (a team task in a dossier behind a wall
/// stays out). At most once a day per person, also when the job is retried or runs on two servers: the notification's
/// unique key is written in the same transaction as the e-mail.
/// </summary>
public sealed class OverdueTaskDigest(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OverdueTaskDigest> logger)
{
    public const string JobId = "overdue-task-digest";

    /// <summary>07:30 Amsterdam time, Monday to Friday.</summary>
    public const string Schedule = "30 7 * * 1-5";

    public const int MaxListed = 20;

    [AutomaticRetry(Attempts = 5)]
    public async Task SendAllAsync(CancellationToken ct)
    {
        var firms = await TenantDirectory.ActiveFirmIdsAsync(scopes, ct);

        foreach (var firm in firms)
        {
            await SendForFirmAsync(firm, ct);
        }
    }

    /// <summary>Sends the firm's digests of today; returns how many people received one now.</summary>
    public async Task<int> SendForFirmAsync(Guid firm, CancellationToken ct)
    {
        var today = AmsterdamTime.Today(clock);
        IReadOnlyList<Guid> people;
        await using (var scope = scopes.CreateFirmScope(firm))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var overdue = db.WorkTasks.Where(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress) && t.DueDate < today);
            var direct = overdue.Where(t => t.AssigneeUserId != null).Select(t => t.AssigneeUserId!.Value);
            var viaTeam = db.TeamMembers.Where(m => overdue.Any(t => t.AssigneeTeamId == m.TeamId)).Select(m => m.UserId);
            people = await db.Users.Where(u => u.DisabledAt == null && (direct.Contains(u.Id) || viaTeam.Contains(u.Id)))
                .Select(u => u.Id).ToListAsync(ct);
        }

        var sent = 0;
        foreach (var person in people)
        {
            if (await SendToAsync(firm, person, today, ct))
            {
                sent++;
            }
        }

        logger.LogInformation("Sent {Digests} overdue task digests for firm {FirmId}", sent, firm);
        return sent;
    }

    private async Task<bool> SendToAsync(Guid firm, Guid userId, DateOnly today, CancellationToken ct)
    {
        await using var scope = scopes.CreateFirmScope(firm);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var dedupKey = $"task-digest:{today.DayNumber}";
        if (await UserSession.LoadAsync(db, userId, ct) is not { DisabledAt: null } user
            || await db.Notifications.AnyAsync(n => n.UserId == userId && n.DedupKey == dedupKey, ct))
        {
            return false;
        }

        // The list is read as the person, so it holds exactly what they may see.
        user.SignIn(scope.ServiceProvider.GetRequiredService<CurrentUser>());
        var teams = user.Teams;
        var tasks = await scope.ServiceProvider.GetRequiredService<WorkTaskAccess>().Visible()
            .Where(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress) && t.DueDate < today
                && (t.AssigneeUserId == userId || (t.AssigneeTeamId != null && teams.Contains(t.AssigneeTeamId.Value))))
            .OrderBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Title, DueDate = t.DueDate!.Value, Dossier = db.Dossiers.Where(d => d.Id == t.DossierId).Select(d => d.Number).FirstOrDefault() })
            .Take(MaxListed + 1)
            .ToListAsync(ct);
        if (tasks.Count == 0)
        {
            return false;
        }

        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var publicUrl = scope.ServiceProvider.GetRequiredService<IOptions<AppOptions>>().Value.PublicUrl.TrimEnd('/');
        using var _ = new RecipientCulture(user.PreferredCulture);
        var count = tasks.Count > MaxListed ? l["more than {0}", MaxListed].Value : tasks.Count.ToString(CultureInfo.CurrentCulture);
        var text = l["You have {0} overdue tasks.", count].Value;
        var body = new StringBuilder(text).Append("\n\n");
        foreach (var task in tasks.Take(MaxListed))
        {
            body.Append("- ").Append(task.DueDate.ToString("d MMM", CultureInfo.CurrentCulture)).Append(": ").Append(task.Title);
            body.Append(task.Dossier is null ? string.Empty : " (" + task.Dossier + ")").Append('\n');
        }

        body.Append('\n').Append(publicUrl).Append("/Tasks\n");
        db.Notifications.Add(new Notification
        {
            UserId = userId,
            CreatedAt = clock.GetUtcNow(),
            Text = text,
            Link = "/Tasks",
            DedupKey = dedupKey,
        });
        scope.ServiceProvider.GetRequiredService<EmailOutbox>().Add(user.Email!, user.DisplayName, l["Overdue tasks ({0})", today.ToString("d MMMM", CultureInfo.CurrentCulture)].Value, body.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another run sent this person's digest a moment ago; its e-mail went with it, this one is dropped with ours.
            return false;
        }
    }
}
