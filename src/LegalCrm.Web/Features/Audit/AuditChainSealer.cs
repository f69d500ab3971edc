using System.Data.Common;
using System.Security.Cryptography;
using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Infrastructure.Keys;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace LegalCrm.Web.Features.Audit;

/// <summary>
/// Gives audit rows their place in the firm's hash chain after they are committed (decision 0020): rows are written
/// as usual by the interceptor, and this links the unsealed ones, oldest first, onto the chain's head. Sealing apart
/// from the write keeps a firm's writers from queueing behind one lock; it runs every minute (Hangfire) and before a
/// verification. The database function <c>legalcrm_seal_audit</c> only fills in empty seals, continuing the chain.
/// </summary>
public sealed class AuditChainSealer(CrmDbContext db, FirmKeys keys)
{
    public const string LockPurpose = "audit-chain";
    public const int BatchSize = 5_000;

    /// <summary>Seals every unsealed row of the firm entered in this scope; returns how many.</summary>
    public async Task<long> SealAsync(CancellationToken ct = default)
    {
        // Most minutes most firms wrote nothing: one probe of the partial index, no transaction, lock or key.
        if (!await db.AuditEntries.AnyAsync(a => a.ChainSeq == null, ct))
        {
            return 0;
        }

        long sealedRows = 0;
        // Each batch starts after the last one: the partial index of unsealed rows still holds the entries of rows just
        // sealed until vacuum removes them, and starting from the beginning each time would walk them all again (a
        // backlog of millions, after a bulk load or restore, took quadratic time). A row committed late with a smaller
        // id waits for the next run.
        long after = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await FirmLocks.TakeAsync(db, LockPurpose, ct);
            var (_, key) = await keys.CurrentAsync(FirmKeyPurposes.AuditChain, ct);
            var (headSeq, headHash) = await HeadAsync(ct);
            var rows = await UnsealedAsync(after, ct);
            if (rows.Count == 0)
            {
                await transaction.CommitAsync(ct);
                return sealedRows;
            }

            var ids = new long[rows.Count];
            var seqs = new long[rows.Count];
            var digests = new byte[rows.Count][];
            var hashes = new byte[rows.Count][];
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            var previous = headHash;
            for (var i = 0; i < rows.Count; i++)
            {
                var (row, changes) = rows[i];
                var record = row with { Seq = headSeq + i + 1 };
                ids[i] = record.Id;
                seqs[i] = record.Seq;
                digests[i] = AuditChainHash.ChangesDigest(key, changes);
                hashes[i] = new byte[AuditChainHash.Size];
                AuditChainHash.TryCompute(hmac, previous, record, digests[i], hashes[i]);
                previous = hashes[i];
            }

            await db.Database.ExecuteSqlRawAsync(
                "SELECT legalcrm_seal_audit(@ids, @seqs, @digests, @hashes)",
                [
                    new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids },
                    new NpgsqlParameter("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = seqs },
                    new NpgsqlParameter("digests", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = digests },
                    new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = hashes },
                ],
                ct);
            await transaction.CommitAsync(ct);
            sealedRows += rows.Count;
            after = ids[^1];
        }
    }

    private async Task<(long Seq, byte[] Hash)> HeadAsync(CancellationToken ct)
    {
        await using var command = Command(
            "SELECT chain_seq, chain_hash FROM audit_entries WHERE tenant_id = @tenant AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), (byte[])reader[1]) : (0, AuditChainHash.Genesis);
    }

    private async Task<List<(AuditChainRecord Row, string? Changes)>> UnsealedAsync(long after, CancellationToken ct)
    {
        await using var command = Command(
            $"""
            SELECT {AuditChainSql.Select} FROM audit_entries
            WHERE tenant_id = @tenant AND chain_seq IS NULL AND id > @after ORDER BY id LIMIT {BatchSize}
            """);
        var afterParameter = command.CreateParameter();
        afterParameter.ParameterName = "after";
        afterParameter.Value = after;
        command.Parameters.Add(afterParameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(AuditChainRecord, string?)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((AuditChainSql.Record(reader, seq: 0), AuditChainSql.Changes(reader)));
        }

        return rows;
    }

    private DbCommand Command(string sql) => AuditChainSql.Command(db, sql);
}

/// <summary>The recurring job (every minute): seals what waits in every firm.</summary>
public sealed class AuditChainSealJob(IServiceScopeFactory scopes)
{
    public const string JobId = "audit-chain-seal";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task SealAllAsync(CancellationToken ct)
    {
        foreach (var firm in await TenantDirectory.ActiveFirmIdsAsync(scopes, ct))
        {
            await using var scope = scopes.CreateFirmScope(firm, "audit chain");
            await scope.ServiceProvider.GetRequiredService<AuditChainSealer>().SealAsync(ct);
        }
    }
}

/// <summary>How the sealer and the verifier read the chain: the columns it covers, in one order, for the firm entered.</summary>
internal static class AuditChainSql
{
    public static DbCommand Command(CrmDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var tenant = command.CreateParameter();
        tenant.ParameterName = "tenant";
        tenant.Value = db.CurrentTenantId ?? throw new InvalidOperationException("Enter a firm before reading its audit chain.");
        command.Parameters.Add(tenant);
        return command;
    }

    public const string Select =
        "id, tenant_id, occurred_at, user_id, actor_name, action, entity_type, entity_id, subject_type, subject_id, ip_address, changes::text";

    public static AuditChainRecord Record(DbDataReader reader, long seq) => new(
        seq,
        reader.GetInt64(0),
        reader.GetGuid(1),
        new DateTimeOffset(reader.GetFieldValue<DateTime>(2), TimeSpan.Zero),
        reader.IsDBNull(3) ? null : reader.GetGuid(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetGuid(9),
        reader.IsDBNull(10) ? null : reader.GetString(10));

    public static string? Changes(DbDataReader reader) => reader.IsDBNull(11) ? null : reader.GetString(11);
}
