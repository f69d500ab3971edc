using Hangfire;
using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Backups;

/// <summary>
/// The scheduled backup (and "back up now"): writes a backup, then keeps the newest <see cref="BackupOptions.Keep"/>.
/// One at a time across all instances; a failed run is retried once and leaves no partial folder behind.
/// </summary>
public sealed class BackupJob(IServiceScopeFactory scopes, BackupWriter writer, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupJob> logger)
{
    public const string JobId = "backup";

    /// <summary>A run asked for within this time that has not finished counts as running.</summary>
    public static readonly TimeSpan RunningAtMost = TimeSpan.FromHours(3);

    /// <summary>The schedule's entry point; Hangfire's filters apply per method, so it carries the same ones as <see cref="RunAsync"/>.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 3 * 60 * 60)]
    [AutomaticRetry(Attempts = 1)]
    public Task ScheduledAsync(CancellationToken ct) => RunAsync(null, ct);

    [DisableConcurrentExecution(timeoutInSeconds: 3 * 60 * 60)]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(Guid? requestedRun, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var run = requestedRun is { } id ? await db.Set<BackupRun>().SingleOrDefaultAsync(r => r.Id == id, ct) : null;
        if (run is null || run.FinishedAt is not null)
        {
            // The schedule, or a retry of a run that failed: each attempt is a run of its own.
            run = new BackupRun { Trigger = run?.Trigger ?? BackupTrigger.Schedule, RequestedAt = clock.GetUtcNow() };
            db.Add(run);
        }

        run.StartedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        try
        {
            var backup = await writer.WriteAsync(ct: ct);
            run.DatabaseBytes = backup.Manifest.DatabaseBytes;
            run.DocumentFiles = backup.Manifest.DocumentFiles;
            run.DocumentBytes = backup.Manifest.DocumentBytes;
            run.Pruned = writer.Prune(options.Value.Keep).Count;
            run.Succeeded = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The backup failed");
            throw;
        }
        finally
        {
            run.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
