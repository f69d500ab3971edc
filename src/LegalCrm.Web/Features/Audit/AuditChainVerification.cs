using System.Data.Common;
using System.Text.Json;
using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Infrastructure.Keys;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Audit;

/// <summary>
/// Verifies the firm's audit chain from its first link to its head (<see cref="AuditChainVerifier"/>) after sealing what
/// waits, reading the rows in one forward pass (1,000,000 rows in seconds, see the benchmark). Used by the job behind the
/// chain page and by the <c>audit verify</c> command.
/// </summary>
public sealed class AuditChainVerification(CrmDbContext db, FirmKeys keys, AuditChainSealer sealer)
{
    public const int ProgressEvery = 50_000;

    public async Task<AuditChainReport> RunAsync(Func<long, Task>? progress, CancellationToken ct = default)
    {
        await sealer.SealAsync(ct);
        var (_, key) = await keys.CurrentAsync(FirmKeyPurposes.AuditChain, ct);
        using var verifier = new AuditChainVerifier(key);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var command = Command(
                $"""
                SELECT {AuditChainSql.Select}, chain_seq, chain_hash, changes_digest, anonymised_by
                FROM audit_entries WHERE tenant_id = @tenant AND chain_seq IS NOT NULL ORDER BY chain_seq
                """))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    verifier.Check(new StoredAuditRow(
                        AuditChainSql.Record(reader, reader.GetInt64(12)),
                        AuditChainSql.Changes(reader),
                        (byte[])reader[14],
                        (byte[])reader[13],
                        reader.IsDBNull(15) ? null : reader.GetFieldValue<long[]>(15)));
                    if (progress is not null && verifier.Checked % ProgressEvery == 0)
                    {
                        await progress(verifier.Checked);
                    }
                }
            }

            return verifier.Finish(await CountAsync("chain_seq IS NULL", ct));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task<long> CountSealedAsync(CancellationToken ct) => db.AuditEntries.LongCountAsync(a => a.ChainSeq != null, ct);

    private async Task<long> CountAsync(string condition, CancellationToken ct)
    {
        await using var command = Command($"SELECT count(*) FROM audit_entries WHERE tenant_id = @tenant AND {condition}");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private DbCommand Command(string sql) => AuditChainSql.Command(db, sql);
}

/// <summary>The job behind the chain page: runs one requested verification, writing progress and the outcome.</summary>
public sealed class AuditVerificationJob(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(Guid firm, Guid verificationId, CancellationToken ct)
    {
        await using var scope = Enter(firm);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var run = await db.Set<AuditVerification>().SingleOrDefaultAsync(v => v.Id == verificationId, ct);
        if (run is null || run.FinishedAt is not null)
        {
            return;
        }

        var verification = scope.ServiceProvider.GetRequiredService<AuditChainVerification>();
        run.StartedAt = clock.GetUtcNow();
        run.RowsToCheck = await verification.CountSealedAsync(ct);
        await db.SaveChangesAsync(ct);
        try
        {
            var report = await verification.RunAsync(checkedSoFar => SaveProgressAsync(firm, verificationId, checkedSoFar, ct), ct);
            Record(scope.ServiceProvider, run, report);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Failure = e.GetType().Name;
            run.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Writes a finished run's outcome on its record and in the audit trail (same SaveChanges).</summary>
    public void Record(IServiceProvider services, AuditVerification run, AuditChainReport report)
    {
        run.FinishedAt = clock.GetUtcNow();
        run.RowsChecked = report.Checked;
        run.RowsAnonymised = report.Anonymised;
        run.RowsUnsealed = report.Unsealed;
        run.HeadSeq = report.HeadSeq;
        run.HeadHash = Convert.ToHexStringLower(report.HeadHash);
        run.ProblemCount = report.ProblemCount;
        run.Problems = JsonSerializer.Serialize(report.Problems, Json);
        services.GetRequiredService<AuditEvents>().Add(AuditActions.AuditVerified, nameof(AuditVerification), run.Id.ToString(), new
        {
            rowsChecked = report.Checked,
            problems = report.ProblemCount,
            firstBrokenSeq = report.FirstBroken?.Seq,
            headSeq = report.HeadSeq,
            headHash = run.HeadHash,
        });
    }

    private async Task SaveProgressAsync(Guid firm, Guid verificationId, long checkedSoFar, CancellationToken ct)
    {
        await using var scope = Enter(firm);
        await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Set<AuditVerification>()
            .Where(v => v.Id == verificationId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.RowsChecked, checkedSoFar), ct);
    }

    private AsyncServiceScope Enter(Guid firm) => scopes.CreateFirmScope(firm, "audit verification");
}
