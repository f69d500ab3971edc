using System.Globalization;
using System.Security.Cryptography;
using LegalCrm.TestSupport;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Infrastructure.Keys;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace LegalCrm.Benchmarks.Load;

/// <summary>
/// A firm's audit trail of years, written with binary COPY already sealed into the firm's hash chain — the chain
/// computed here with the app's own <see cref="AuditChainHash"/> and the firm's key, continuing the head the app's
/// sealer left — so two million rows cost one pass instead of an insert plus two million sealing updates. The rows are
/// shaped like the audit interceptor's (an update of two fields of a contact, old and new values), one every 30
/// seconds up to now; the change text is written as PostgreSQL renders jsonb, so its digest is the one the verifier
/// recomputes (the CI test verifies the generated chain intact).
/// </summary>
public static class SealedAuditGenerator
{
    /// <summary>Where a firm's generated rows continue its chain: the firm's chain key and the head of the chain.</summary>
    public sealed record ChainStart(Guid Firm, byte[] Key, long Seq, byte[] Hash);

    /// <summary>
    /// Seals what the app wrote so far (the firm, its accounts) and reads the chain's head: done while the audit table
    /// still has its indexes (without them each lookup reads every firm's rows).
    /// </summary>
    public static async Task<ChainStart> StartAsync(CrmAppFactory app, string ownerConnectionString, Guid firm)
    {
        byte[] key;
        await using (var scope = app.FirmScope(firm))
        {
            await scope.ServiceProvider.GetRequiredService<AuditChainSealer>().SealAsync();
            (_, key) = await scope.ServiceProvider.GetRequiredService<FirmKeys>().CurrentAsync(FirmKeyPurposes.AuditChain);
        }

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        var (seq, hash) = await HeadAsync(connection, firm);
        return new ChainStart(firm, key, seq, hash);
    }

    /// <summary>Appends <paramref name="rows"/> sealed rows after <paramref name="start"/>; nothing else may write the firm's trail meanwhile.</summary>
    public static async Task FillAsync(string ownerConnectionString, ChainStart start, int rows)
    {
        var (firm, key, headSeq, previous) = start;
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        var firstId = await ReserveIdsAsync(connection, rows);

        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY audit_entries (id, tenant_id, occurred_at, user_id, actor_name, action, entity_type, entity_id, subject_type, subject_id, " +
            "changes, ip_address, chain_seq, chain_hash, changes_digest) FROM STDIN (FORMAT BINARY)");
        for (var g = 1; g <= rows; g++)
        {
            var entity = Guid.NewGuid();
            var action = g % 10 == 0 ? "insert" : g % 7 == 0 ? "view" : "update";
            var actor = string.Create(CultureInfo.InvariantCulture, $"medewerker{g % 40}@kantoor.test");
            var ip = string.Create(CultureInfo.InvariantCulture, $"10.0.{g % 250}.{g % 200}");
            // Key order and spacing as jsonb prints them (shorter keys first, ": " and ", ").
            var changes = "{\"Notes\": {\"new\": \"Belde terug over dossier " + (g * 7 % 50000).ToString(CultureInfo.InvariantCulture) +
                "\", \"old\": \"Belde over de afspraak van " + g.ToString(CultureInfo.InvariantCulture) +
                "\"}, \"Version\": {\"new\": " + (g + 1).ToString(CultureInfo.InvariantCulture) + ", \"old\": " + g.ToString(CultureInfo.InvariantCulture) + "}}";
            var record = new AuditChainRecord(headSeq + g, firstId + g - 1, firm, now.AddSeconds(-30.0 * (rows - g)), null, actor, action,
                "Contact", entity.ToString(), "Contact", entity, ip);
            var digest = AuditChainHash.ChangesDigest(key, changes);
            var hash = new byte[AuditChainHash.Size];
            AuditChainHash.TryCompute(hmac, previous, record, digest, hash);
            previous = hash;

            await copy.StartRowAsync();
            await copy.WriteAsync(record.Id, NpgsqlDbType.Bigint);
            await copy.WriteAsync(firm, NpgsqlDbType.Uuid);
            await copy.WriteAsync(record.OccurredAt, NpgsqlDbType.TimestampTz);
            await copy.WriteNullAsync();
            await copy.WriteAsync(actor, NpgsqlDbType.Varchar);
            await copy.WriteAsync(action, NpgsqlDbType.Varchar);
            await copy.WriteAsync("Contact", NpgsqlDbType.Varchar);
            await copy.WriteAsync(record.EntityId!, NpgsqlDbType.Varchar);
            await copy.WriteAsync("Contact", NpgsqlDbType.Varchar);
            await copy.WriteAsync(entity, NpgsqlDbType.Uuid);
            await copy.WriteAsync(changes, NpgsqlDbType.Jsonb);
            await copy.WriteAsync(ip, NpgsqlDbType.Varchar);
            await copy.WriteAsync(record.Seq, NpgsqlDbType.Bigint);
            await copy.WriteAsync(hash, NpgsqlDbType.Bytea);
            await copy.WriteAsync(digest, NpgsqlDbType.Bytea);
        }

        await copy.CompleteAsync();
    }

    private static async Task<(long Seq, byte[] Hash)> HeadAsync(NpgsqlConnection connection, Guid firm)
    {
        await using var command = new NpgsqlCommand(
            "SELECT chain_seq, chain_hash FROM audit_entries WHERE tenant_id = @firm AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("firm", firm);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), (byte[])reader[1]) : (0, AuditChainHash.Genesis);
    }

    /// <summary>A block of the identity's ids for this firm's rows, taken in one step (other firms load beside it).</summary>
    private static async Task<long> ReserveIdsAsync(NpgsqlConnection connection, int rows)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(20261130);
            WITH s AS (SELECT pg_get_serial_sequence('audit_entries', 'id') AS name)
            SELECT setval(s.name, nextval(s.name) + @rows - 1) - @rows + 1 FROM s;
            """, connection, transaction);
        command.Parameters.AddWithValue("rows", (long)rows);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        var first = reader.GetInt64(0);
        await reader.DisposeAsync();
        await transaction.CommitAsync();
        return first;
    }
}
