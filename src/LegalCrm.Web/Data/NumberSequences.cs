using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Data;

/// <summary>One counter per firm and name (e.g. "client"), for numbers that must have no gaps and no duplicates.</summary>
public sealed class NumberSequence : ITenantOwned
{
    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public long LastValue { get; set; }
}

/// <summary>
/// Hands out the next number of a firm's sequence. The row is locked by the upsert until the caller's transaction ends,
/// so concurrent callers queue and a rolled-back transaction gives its number back: no gaps, no duplicates.
/// </summary>
public sealed class NumberSequences(CrmDbContext db, TenantContext tenant)
{
    public async Task<long> NextAsync(string name, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Take a number inside the transaction that uses it.");
        }

        // Not composed (no LINQ on top): PostgreSQL does not allow an INSERT … RETURNING inside a subquery.
        var values = await db.Database.SqlQuery<long>($"""
            INSERT INTO number_sequences (tenant_id, name, last_value) VALUES ({tenant.RequiredTenantId}, {name}, 1)
            ON CONFLICT (tenant_id, name) DO UPDATE SET last_value = number_sequences.last_value + 1
            RETURNING last_value AS "Value"
            """).ToListAsync(ct);
        return values.Single();
    }
}
