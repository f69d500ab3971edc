using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Notifications;
using LegalCrm.Web.Infrastructure.Time;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// Disposes of one record whose retention ended — by the nightly sweep, on the officer's approval, or by hand with a
/// reason: a dossier through <see cref="DossierDisposal"/>, a contact through the erasure machinery
/// (<see cref="Erasure.DisposeExpiredAsync"/>). Each in its own transaction with its deletion log entry; a record that is
/// gone, already anonymised or under a hold is left alone, so running twice does nothing the second time.
/// </summary>
public sealed class RetentionDisposer(CrmDbContext db, DossierDisposal dossiers, Erasure erasure, IDocumentStore store, AuditEvents audit, CurrentUser me,
    TimeProvider clock, ILogger<RetentionDisposer> logger)
{
    /// <summary>One record; null when there was nothing (left) to do.</summary>
    public async Task<ErasureLogEntry?> DisposeAsync(RetentionItem item, string? reason, CancellationToken ct) => item.Subject switch
    {
        RetentionSubject.Contact => await erasure.DisposeExpiredAsync(item.Id, item.Category, item.Action, reason, ct),
        _ => (await DisposeDossiersAsync([item], reason, ct)).SingleOrDefault(),
    };

    /// <summary>
    /// A set of dossiers with the same action, in one transaction: set-based statements, a deletion log entry and an
    /// audit event per dossier. Returns the entries of those disposed of.
    /// </summary>
    public async Task<IReadOnlyList<ErasureLogEntry>> DisposeDossiersAsync(IReadOnlyList<RetentionItem> items, string? reason, CancellationToken ct)
    {
        var byId = items.ToDictionary(i => i.Id);
        var entries = new List<ErasureLogEntry>();
        DossierDisposal.DisposedSet done;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            done = await dossiers.DisposeAsync(byId.Keys, items[0].Action, ct);
            foreach (var dossier in done.Dossiers)
            {
                var item = byId[dossier.Id];
                var lines = dossier.Lines.Where(x => x.Count > 0).ToList();
                var entry = new ErasureLogEntry
                {
                    Category = item.Category,
                    SubjectId = item.Id,
                    Record = dossier.Number,
                    Reason = reason,
                    ExecutedAt = clock.GetUtcNow(),
                    ExecutedBy = me.DisplayName ?? me.ActorName,
                };
                entry.RecordLines(lines);
                entries.Add(entry);
                audit.Add(AuditActions.Retention, nameof(Dossier), item.Id.ToString(),
                    new { erasureLogId = entry.Id, category = item.Category.ToString(), action = item.Action.ToString(), rows = lines.Sum(x => x.Count) },
                    new AuditSubject(nameof(Dossier), item.Id));
            }

            db.ErasureLog.AddRange(entries);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        if (done.AuditRowsBlanked > 0)
        {
            logger.LogInformation("Retention: {Dossiers} dossiers disposed of, {AuditRows} audit rows about them blanked", done.Dossiers.Count, done.AuditRowsBlanked);
        }

        // After the commit: a file left behind by a failure here is removed by the orphan sweep (no version refers to it).
        foreach (var file in done.Dossiers.SelectMany(d => d.Files))
        {
            try
            {
                await store.DeleteAsync(file, ct);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not delete stored file {VersionId} of a disposed dossier; the orphan sweep will", file.VersionId);
            }
        }

        return entries;
    }
}

/// <summary>
/// Every night, per firm: what has reached the end of its retention period (<see cref="RetentionSchedule"/>) and is not
/// held. With the firm's <see cref="RetentionMode.Automatic"/> the sweep disposes of it (one record set, one transaction
/// at a time, each in a fresh unit of work so memory stays flat); with <see cref="RetentionMode.Approval"/> it tells
/// those who manage retention what awaits their approval — once per new state of the queue.
/// </summary>
public sealed class RetentionSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RetentionSweep> logger)
{
    public const string JobId = "privacy-retention-sweep";

    /// <summary>02:30 Amsterdam time, when nobody works in the dossiers.</summary>
    public const string Schedule = "30 2 * * *";

    /// <summary>Approving at most this many disposes of them while the officer waits; more go to the job queue.</summary>
    public const int InlineItems = 25;

    public sealed record Result(int Due, int Disposed, int Blocked, bool Queued);

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task SweepAllAsync(CancellationToken ct)
    {
        var failed = new List<Guid>();
        foreach (var firm in await TenantDirectory.ActiveFirmIdsAsync(scopes, ct))
        {
            try
            {
                var result = await SweepFirmAsync(firm, ct);
                if (result.Due > 0)
                {
                    logger.LogInformation("Retention sweep of firm {FirmId}: {Due} due, {Disposed} disposed, {Blocked} held, queued for approval: {Queued}",
                        firm, result.Due, result.Disposed, result.Blocked, result.Queued);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One firm's trouble does not keep the others' data beyond its time.
                failed.Add(firm);
                logger.LogError(e, "Retention sweep of firm {FirmId} failed", firm);
            }
        }

        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"The retention sweep failed for {failed.Count} firms; the job queue retries (what was done is not found again).");
        }
    }

    /// <summary>The nightly run for one firm, in the firm's mode.</summary>
    public async Task<Result> SweepFirmAsync(Guid firm, CancellationToken ct)
    {
        await using var scope = scopes.CreateFirmScope(firm, "retention sweep");
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CrmDbContext>();
        var mode = await db.Firms.AsNoTracking().Select(f => f.RetentionMode).SingleAsync(ct);
        var today = AmsterdamTime.Today(clock);
        var due = await services.GetRequiredService<RetentionSchedule>().EndingBeforeAsync(today, ct);
        var open = due.Where(i => i.Blocked is null).ToList();
        if (mode == RetentionMode.Approval)
        {
            if (open.Count > 0)
            {
                var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
                // A new notice only when something new became due (the newest last-kept day or the count changed).
                var key = $"retention-due:{open.Max(i => i.KeptUntil).DayNumber}:{open.Count}";
                await HolderNotices.TellAsync(services, [new HolderNotice([Permissions.PrivacyRetention], key, "/Privacy/Retention/Due",
                    () => l["{0} records have reached the end of their retention period and await your approval.", open.Count].Value,
                    () => l["Retention: records await your approval"].Value)], clock.GetUtcNow(), ct);
            }

            return new Result(due.Count, 0, due.Count - open.Count, Queued: true);
        }

        var disposed = await DisposeAsync(firm, open, actor: null, ct);
        return new Result(due.Count, disposed, due.Count - open.Count, Queued: false);
    }

    /// <summary>The officer approved what is due: disposed of under their name (the job queue runs this when there is much).</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> DisposeApprovedAsync(Guid firm, Guid userId, string userName, CancellationToken ct)
    {
        IReadOnlyList<RetentionItem> due;
        await using (var scope = scopes.CreateFirmScope(firm))
        {
            due = await scope.ServiceProvider.GetRequiredService<RetentionSchedule>().EndingBeforeAsync(AmsterdamTime.Today(clock), ct);
        }

        return await DisposeAsync(firm, due.Where(i => i.Blocked is null).ToList(), (userId, userName), ct);
    }

    /// <summary>Dossiers are disposed of in sets of this many per transaction ("one record set, one transaction").</summary>
    public const int DossiersPerSet = 200;

    private async Task<int> DisposeAsync(Guid firm, List<RetentionItem> items, (Guid Id, string Name)? actor, CancellationToken ct)
    {
        var disposed = 0;
        var failed = 0;
        // A set that fails is retried one dossier at a time, so one bad record does not keep the others.
        var sets = items.Where(i => i.Subject == RetentionSubject.Dossier).GroupBy(i => i.Action).SelectMany(g => g.Chunk(DossiersPerSet))
            .Concat(items.Where(i => i.Subject == RetentionSubject.Contact).Select(i => new[] { i }));
        var queue = new Queue<RetentionItem[]>(sets);
        while (queue.TryDequeue(out var set))
        {
            // A fresh unit of work per set: nothing accumulates in a change tracker over thousands of records.
            await using var scope = scopes.CreateFirmScope(firm);
            var services = scope.ServiceProvider;
            var me = services.GetRequiredService<CurrentUser>();
            if (actor is { } person)
            {
                me.Identify(person.Id, person.Name);
            }
            else
            {
                me.ActAsSystem("retention sweep");
            }

            var disposer = services.GetRequiredService<RetentionDisposer>();
            try
            {
                disposed += set[0].Subject == RetentionSubject.Dossier
                    ? (await disposer.DisposeDossiersAsync(set, reason: null, ct)).Count
                    : await disposer.DisposeAsync(set[0], reason: null, ct) is null ? 0 : 1;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Its transaction rolled back whole.
                if (set.Length > 1)
                {
                    foreach (var single in set)
                    {
                        queue.Enqueue([single]);
                    }

                    continue;
                }

                failed++;
                logger.LogError(e, "Retention: could not dispose of {Subject} {Id} of firm {FirmId}", set[0].Subject, set[0].Id, firm);
            }
        }

        if (failed > 0)
        {
            // The job queue retries; what was disposed of is not found again.
            throw new InvalidOperationException($"Retention: {failed} of {items.Count} records of firm {firm} could not be disposed of; {disposed} were.");
        }

        return disposed;
    }
}
