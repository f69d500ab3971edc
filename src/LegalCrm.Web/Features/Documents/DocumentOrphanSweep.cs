using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Documents;

/// <summary>
/// Daily: deletes stored files that no document version refers to, and writes that never finished. They can only appear
/// when the app stopped between writing a file and committing its record (<see cref="DocumentUploads"/>), or in the
/// middle of writing; a day's grace keeps uploads in flight safe.
/// Idempotent: a second run finds nothing left to do.
/// </summary>
public sealed class DocumentOrphanSweep(IServiceScopeFactory scopes, IDocumentStore store, TimeProvider clock, ILogger<DocumentOrphanSweep> logger)
{
    public const string JobId = "documents-orphan-sweep";

    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task SweepAsync(CancellationToken ct)
    {
        var firms = await TenantDirectory.ActiveFirmIdsAsync(scopes, ct);

        foreach (var firm in firms)
        {
            if (store.DeleteUnfinishedWritesBefore(firm, clock.GetUtcNow() - Grace) is > 0 and var unfinished)
            {
                logger.LogWarning("Deleted {Count} unfinished uploads of firm {FirmId}", unfinished, firm);
            }

            var candidates = store.ListWrittenBefore(firm, clock.GetUtcNow() - Grace).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            await using var scope = scopes.CreateFirmScope(firm);
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            foreach (var batch in candidates.Chunk(1000))
            {
                var known = (await db.Set<DocumentVersion>().Where(v => batch.Contains(v.Id)).Select(v => v.Id).ToListAsync(ct)).ToHashSet();
                foreach (var orphan in batch.Where(id => !known.Contains(id)))
                {
                    await store.DeleteAsync(new DocumentKey(firm, orphan), ct);
                    logger.LogWarning("Deleted stored file {VersionId} of firm {FirmId}: no document refers to it", orphan, firm);
                }
            }
        }
    }
}
