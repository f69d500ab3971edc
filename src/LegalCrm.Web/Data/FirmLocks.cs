using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Data;

/// <summary>
/// Work of one kind for one firm that must not run twice at once (two admins changing roles, two runs of a job) takes
/// a PostgreSQL advisory lock held until the transaction ends. The caller must be inside a transaction.
/// </summary>
public static class FirmLocks
{
    public static async Task TakeAsync(CrmDbContext db, string purpose, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A firm lock lasts until the transaction ends: begin one first.");
        }

        var firm = db.CurrentTenantId ?? throw new InvalidOperationException("Enter a firm before taking its lock.");
        var key = $"{purpose}:{firm}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
    }
}
