using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Backups;

/// <summary>
/// The backups of the installation: when they run, how many are kept, how the last ones went, and "back up now".
/// Restoring is the operator's command (README, "Backup, restore and emergency plan"), not a button: it replaces
/// every firm's data.
/// </summary>
[RequirePermission(Permissions.AdminBackup)]
public sealed class IndexModel(CrmDbContext db, IBackgroundJobClient jobs, AuditEvents audit, IOptions<BackupOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Past this age without a successful backup the page warns (a nightly schedule plus some slack).</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromHours(26);

    public BackupOptions Settings => options.Value;

    public IReadOnlyList<BackupRun> Runs { get; private set; } = [];

    public BackupRun? LastSuccess { get; private set; }

    public BackupRun? Running { get; private set; }

    public bool Overdue => Settings.Scheduled && (LastSuccess is null || clock.GetUtcNow() - LastSuccess.FinishedAt > OverdueAfter);

    public async Task OnGetAsync()
    {
        Runs = await db.Set<BackupRun>().AsNoTracking().OrderByDescending(r => r.RequestedAt).Take(20).ToListAsync();
        LastSuccess = await db.Set<BackupRun>().AsNoTracking().Where(r => r.Succeeded).OrderByDescending(r => r.FinishedAt).FirstOrDefaultAsync();
        Running = await RunningAsync();
    }

    public async Task<IActionResult> OnPostRunAsync()
    {
        if (await RunningAsync() is not null)
        {
            TempData["Status"] = l["A backup is already running."].Value;
            return RedirectToPage();
        }

        var run = new BackupRun { Trigger = BackupTrigger.Request, RequestedAt = clock.GetUtcNow() };
        db.Add(run);
        audit.Add("backup.requested", nameof(BackupRun), run.Id.ToString(), null);
        await db.SaveChangesAsync();
        jobs.Enqueue<BackupJob>(j => j.RunAsync(run.Id, CancellationToken.None));
        TempData["Status"] = l["The backup has started. You can leave this page; the result stays here."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetProgressAsync(Guid id)
    {
        var progress = await db.Set<BackupRun>().AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { status = r.FinishedAt != null ? "Finished" : r.StartedAt != null ? "Running" : "Queued", processed = 0, total = 0 })
            .SingleOrDefaultAsync();
        return progress is null ? NotFound() : new JsonResult(progress);
    }

    private Task<BackupRun?> RunningAsync()
    {
        var since = clock.GetUtcNow() - BackupJob.RunningAtMost;
        return db.Set<BackupRun>().AsNoTracking().Where(r => r.FinishedAt == null && r.RequestedAt > since).OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync();
    }
}
