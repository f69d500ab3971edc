using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// A leaver in one action (AVG art. 32: access ends when the need ends): the account is disabled, every session ends,
/// calendar feeds are revoked, team places go, and their open tasks, open deadlines and the dossiers they run or work
/// on pass to a colleague — except dossiers a wall keeps that colleague out of, which are named for someone else.
/// One transaction under the firm's access lock; every change is in the audit trail.
/// </summary>
public sealed class Offboarding(
    CrmDbContext db,
    UserAdministration accounts,
    SignInSessions sessions,
    DossierAccess dossierAccess,
    AuditEvents audit,
    TimeProvider clock)
{
    public sealed record Holdings(
        IReadOnlyList<(Guid Id, string Title, DateOnly? Due)> Tasks,
        IReadOnlyList<(Guid Id, string Title, DateOnly Due, bool Fatal)> Deadlines,
        IReadOnlyList<(Guid Id, string Number, string Title, bool Responsible)> Dossiers,
        int Sessions,
        int CalendarFeeds,
        int Teams,
        int BackupFor);

    public sealed record Result(UserChangeOutcome Outcome, int Tasks = 0, int Deadlines = 0, int Dossiers = 0, IReadOnlyList<string>? WalledDossiers = null);

    /// <summary>What the leaver holds that is still open (tasks, deadlines, dossiers not closed), for the page.</summary>
    public async Task<Holdings> HoldingsAsync(Guid leaver, CancellationToken ct = default)
    {
        var tasks = await OpenTasks(leaver).OrderBy(t => t.DueDate).Select(t => new { t.Id, t.Title, t.DueDate }).ToListAsync(ct);
        var deadlines = await OpenDeadlines(leaver).OrderBy(d => d.DueDate).Select(d => new { d.Id, d.Title, d.DueDate, Fatal = d.Kind == DeadlineKind.Fatal }).ToListAsync(ct);
        var dossiers = await ActiveDossiers(leaver).OrderBy(d => d.Number)
            .Select(d => new { d.Id, d.Number, d.Title, Responsible = d.ResponsibleLawyerId == leaver }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new Holdings(
            [.. tasks.Select(t => (t.Id, t.Title, t.DueDate))],
            [.. deadlines.Select(d => (d.Id, d.Title, d.DueDate, d.Fatal))],
            [.. dossiers.Select(d => (d.Id, d.Number, d.Title, d.Responsible))],
            (await sessions.OpenAsync(leaver, ct)).Count,
            await db.CalendarFeeds.CountAsync(f => f.UserId == leaver, ct),
            await db.TeamMembers.CountAsync(m => m.UserId == leaver, ct),
            await db.Users.CountAsync(u => u.BackupUserId == leaver, ct));
    }

    public async Task<Result> OffboardAsync(CrmUser leaver, Guid? successor, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await accounts.SwitchOffAsync(leaver, SessionEnd.Offboarded, ct) is not UserChangeOutcome.Done and var refused)
        {
            return new Result(refused);
        }

        if (successor is { } to && (to == leaver.Id || !await db.Users.AnyAsync(u => u.Id == to && u.DisabledAt == null, ct)))
        {
            return new Result(UserChangeOutcome.Failed);
        }

        var now = clock.GetUtcNow();
        db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => f.UserId == leaver.Id).ToListAsync(ct));
        db.TeamMembers.RemoveRange(await db.TeamMembers.Where(m => m.UserId == leaver.Id).ToListAsync(ct));
        foreach (var colleague in await db.Users.Where(u => u.BackupUserId == leaver.Id).ToListAsync(ct))
        {
            colleague.BackupUserId = successor is { } backup && backup != colleague.Id ? backup : null;
        }

        var firm = await db.Firms.SingleAsync(ct);
        if (firm.OfficeManagerUserId == leaver.Id)
        {
            firm.OfficeManagerUserId = successor;
        }

        var (taskCount, deadlineCount, dossierCount, walled) = successor is { } heir
            ? await HandOverAsync(leaver.Id, heir, now, ct)
            : (0, 0, 0, new List<string>());
        audit.Add(AuditActions.UserOffboarded, nameof(CrmUser), leaver.Id.ToString(), new { successor, tasks = taskCount, deadlines = deadlineCount, dossiers = dossierCount, walledDossiers = walled.Count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(UserChangeOutcome.Done, taskCount, deadlineCount, dossierCount, walled);
    }

    private async Task<(int Tasks, int Deadlines, int Dossiers, List<string> Walled)> HandOverAsync(Guid leaver, Guid heir, DateTimeOffset now, CancellationToken ct)
    {
        var heirTeams = await db.TeamMembers.Where(m => m.UserId == heir).Select(m => m.TeamId).ToListAsync(ct);
        var walledIds = await dossierAccess.WalledFor(heir, heirTeams).ToListAsync(ct);

        var tasks = await OpenTasks(leaver).Where(t => t.DossierId == null || !walledIds.Contains(t.DossierId.Value)).ToListAsync(ct);
        foreach (var task in tasks)
        {
            (task.AssigneeUserId, task.UpdatedAt) = (heir, now);
        }

        var deadlines = await OpenDeadlines(leaver).Where(d => !walledIds.Contains(d.DossierId)).ToListAsync(ct);
        foreach (var deadline in deadlines)
        {
            deadline.ResponsibleUserIds = [.. deadline.ResponsibleUserIds.Select(u => u == leaver ? heir : u).Distinct()];
            deadline.UpdatedAt = now;
        }

        var dossiers = await ActiveDossiers(leaver).Include(d => d.Members).ToListAsync(ct);
        var walled = dossiers.Where(d => walledIds.Contains(d.Id)).Select(d => d.Number).ToList();
        var handed = dossiers.Where(d => !walledIds.Contains(d.Id)).ToList();
        foreach (var dossier in handed)
        {
            if (dossier.ResponsibleLawyerId == leaver)
            {
                dossier.ResponsibleLawyerId = heir;
            }

            db.Set<DossierMember>().RemoveRange(dossier.Members.Where(m => m.UserId == leaver));
            if (dossier.ResponsibleLawyerId != heir && dossier.Members.All(m => m.UserId != heir))
            {
                db.Set<DossierMember>().Add(new DossierMember { DossierId = dossier.Id, UserId = heir });
            }
        }

        return (tasks.Count, deadlines.Count, handed.Count, walled);
    }

    private IQueryable<WorkTask> OpenTasks(Guid user) =>
        db.WorkTasks.Where(t => t.AssigneeUserId == user && t.Status != WorkTaskStatus.Done && t.Status != WorkTaskStatus.Cancelled);

    private IQueryable<Deadline> OpenDeadlines(Guid user) =>
        db.Deadlines.Where(d => d.Status == DeadlineStatus.Open && d.ResponsibleUserIds.Contains(user));

    private IQueryable<Dossier> ActiveDossiers(Guid user) =>
        db.Dossiers.Where(d => (d.Status == DossierStatus.Intake || d.Status == DossierStatus.Open)
            && (d.ResponsibleLawyerId == user || d.Members.Any(m => m.UserId == user)));
}
