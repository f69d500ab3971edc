using System.Diagnostics;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Privacy;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LegalCrm.Benchmarks;

/// <summary>
/// Issue 7's benchmark on the dossier benchmark's firm (50,000 dossiers over twelve years, 100,000 contacts) with
/// 200,000 communications: the access package of a person who is a party in 50 dossiers with 2,000 communications
/// about them, and one retention sweep over the whole firm (automatic mode, the seeded policies). Prints time and
/// memory: the managed heap before and after, and the process's peak working set.
/// </summary>
public static class PrivacyBenchmark
{
    public static async Task RunAsync(CrmAppFactory app, TestFirm firm, int dossiers, int communications)
    {
        var clock = Stopwatch.StartNew();
        await DossierGenerator.FillFirmAsync(app, firm, dossiers);
        var (person, personDossiers) = await PersonInFiftyDossiersAsync(app.Database.AdminConnectionString, firm.Id);
        await CommunicationGenerator.FillAsync(app.Database.AdminConnectionString, firm.Id, personDossiers[0], firm.Lawyer.Id, communications, bigDossierItems: 2_000);
        Console.WriteLine($"Generated the firm in {clock.Elapsed.TotalSeconds:F1} s:");
        foreach (var (label, count) in await CountsAsync(app.Database.AdminConnectionString, firm.Id, person))
        {
            Console.WriteLine($"  {label,-52} {count,9:N0}");
        }

        Console.WriteLine();
        Console.WriteLine("Access package (art. 15/20) of that person:");
        for (var run = 1; run <= 3; run++)
        {
            await using var scope = app.FirmScope(firm.Id);
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var request = new DataSubjectRequest
            {
                Kind = RequestKind.Access,
                ContactId = person,
                PersonName = "Benchmark",
                ReceivedOn = AmsterdamTime.Today(TimeProvider.System),
                IdentityVerifiedOn = AmsterdamTime.Today(TimeProvider.System),
                IdentityVerifiedHow = "Benchmark",
                CreatedAt = DateTimeOffset.UtcNow,
                CreatedBy = "benchmark",
            };
            db.DataSubjectRequests.Add(request);
            await db.SaveChangesAsync();
            var path = Path.GetTempFileName();
            var (elapsed, heapGrowth, peak) = await MeasureAsync(async () =>
            {
                await using var file = File.Create(path);
                var summary = await scope.ServiceProvider.GetRequiredService<AccessPackage>().WriteAsync(request, file, CancellationToken.None);
                if (run == 1)
                {
                    Console.WriteLine($"  items included {summary.Included:N0}, withheld {summary.Withheld:N0}, ZIP {new FileInfo(path).Length / 1024.0:N0} KiB");
                }
            });
            File.Delete(path);
            Console.WriteLine($"  run {run}: {elapsed.TotalSeconds,6:F2} s   heap growth {heapGrowth / 1048576.0,7:F1} MiB   peak working set {peak / 1048576.0,7:F0} MiB   (goal: under 10 s)");
        }

        Console.WriteLine();
        Console.WriteLine("What the officer's page computes (due now and in the next 30 days):");
        await using (var scope = app.FirmScope(firm.Id))
        {
            var schedule = scope.ServiceProvider.GetRequiredService<RetentionSchedule>();
            var (elapsed, heapGrowth, peak) = await MeasureAsync(async () =>
            {
                var items = await schedule.EndingBeforeAsync(AmsterdamTime.Today(TimeProvider.System).AddDays(30), CancellationToken.None);
                foreach (var group in items.GroupBy(i => i.Category).OrderBy(g => g.Key))
                {
                    Console.WriteLine($"  {group.Key,-16} {group.Count(),7:N0} ({group.Count(i => i.Blocked is not null):N0} held)");
                }
            });
            Console.WriteLine($"  schedule: {elapsed.TotalSeconds,6:F2} s   heap growth {heapGrowth / 1048576.0,7:F1} MiB   peak working set {peak / 1048576.0,7:F0} MiB");
        }

        Console.WriteLine();
        Console.WriteLine("One retention sweep over the firm (automatic mode):");
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            (await db.Firms.SingleAsync()).RetentionMode = RetentionMode.Automatic;
            await db.SaveChangesAsync();
        }

        var sweep = new RetentionSweep(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<RetentionSweep>.Instance);
        RetentionSweep.Result? result = null;
        var (sweepTime, sweepHeap, sweepPeak) = await MeasureAsync(async () => result = await sweep.SweepFirmAsync(firm.Id, CancellationToken.None));
        Console.WriteLine($"  due {result!.Due:N0}, disposed of {result.Disposed:N0}, held {result.Blocked:N0}");
        Console.WriteLine($"  sweep: {sweepTime.TotalSeconds,6:F1} s   heap growth {sweepHeap / 1048576.0,7:F1} MiB   peak working set {sweepPeak / 1048576.0,7:F0} MiB   (goal: under 60 s)");
        // After a mass delete autovacuum refreshes the planner's statistics; without that the next plans assume the
        // disposed rows are still there (a hash join over all parties instead of an index lookup).
        await using (var connection = new NpgsqlConnection(app.Database.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
            await vacuum.ExecuteNonQueryAsync();
        }

        var (again, _, _) = await MeasureAsync(async () => result = await sweep.SweepFirmAsync(firm.Id, CancellationToken.None));
        Console.WriteLine($"  second sweep (a normal night, after autovacuum: nothing new): {again.TotalSeconds,6:F1} s, disposed of {result!.Disposed:N0}");
        var slowLog = Environment.GetEnvironmentVariable("LEGALCRM_BENCH_EXPLAIN") == "1" ? await DossierBenchmark.ExplainSlowStatementsAsync(app.Database.AdminConnectionString) : null;
        for (var run = 1; run <= 3; run++)
        {
            await using var scope = app.FirmScope(firm.Id);
            var schedule = scope.ServiceProvider.GetRequiredService<RetentionSchedule>();
            var (elapsed, _, _) = await MeasureAsync(() => schedule.EndingBeforeAsync(AmsterdamTime.Today(TimeProvider.System).AddDays(30), CancellationToken.None));
            Console.WriteLine($"  the officer's list on a normal day, run {run}: {elapsed.TotalSeconds,6:F2} s");
        }

        if (slowLog is not null)
        {
            File.Copy(slowLog, "benchmark-slow-statements.log", overwrite: true);
            Console.WriteLine($"Plans of the slow statements: {Path.GetFullPath("benchmark-slow-statements.log")}");
        }

        foreach (var (label, count) in await CountsAsync(app.Database.AdminConnectionString, firm.Id, person))
        {
            Console.WriteLine($"  {label,-52} {count,9:N0}");
        }

        // A person goes through the erasure machinery one by one (every feature's rows about them, in their own
        // transaction), where dossiers go in sets: measured apart, on prospects added for it.
        Console.WriteLine();
        Console.WriteLine($"Per person: {Prospects} prospects without a dossier, last contact two years ago:");
        var added = DateTimeOffset.UtcNow;
        await ContactGenerator.FillAsync(app.Database.AdminConnectionString, firm.Id, Prospects, seed: 7, clients: false);
        await using (var connection = new NpgsqlConnection(app.Database.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var age = new NpgsqlCommand("UPDATE contacts SET created_at = now() - interval '2 years' WHERE tenant_id = @firm AND created_at >= @added", connection);
            age.Parameters.AddWithValue("firm", firm.Id);
            age.Parameters.AddWithValue("added", added);
            await age.ExecuteNonQueryAsync();
        }

        var (peopleTime, _, _) = await MeasureAsync(async () => result = await sweep.SweepFirmAsync(firm.Id, CancellationToken.None));
        Console.WriteLine($"  disposed of {result!.Disposed:N0} in {peopleTime.TotalSeconds:F1} s: {peopleTime.TotalMilliseconds / Math.Max(1, result.Disposed):F0} ms per person");
    }

    private const int Prospects = 500;

    private static async Task<(TimeSpan Elapsed, long HeapGrowth, long PeakWorkingSet)> MeasureAsync(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        await run();
        watch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (watch.Elapsed, after - before, process.PeakWorkingSet64);
    }

    /// <summary>The client of the first dossier becomes the client in 49 more (the communications generator then gives that first dossier 2,000 items about them).</summary>
    private static async Task<(Guid Person, List<Guid> Dossiers)> PersonInFiftyDossiersAsync(string ownerConnectionString, Guid firm)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        var dossiers = new List<Guid>();
        await using (var pick = new NpgsqlCommand("SELECT id FROM dossiers WHERE tenant_id = @firm AND status IN ('Open', 'Intake') ORDER BY number LIMIT 50", connection))
        {
            pick.Parameters.AddWithValue("firm", firm);
            await using var reader = await pick.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dossiers.Add(reader.GetGuid(0));
            }
        }

        await using var command = new NpgsqlCommand("""
            WITH person AS (SELECT contact_id FROM dossier_parties WHERE dossier_id = @first AND role = 'Client' LIMIT 1)
            INSERT INTO dossier_parties (id, tenant_id, dossier_id, contact_id, role)
            SELECT gen_random_uuid(), @firm, d, (SELECT contact_id FROM person), 'Client' FROM unnest(@dossiers) d
            ON CONFLICT DO NOTHING;
            SELECT contact_id FROM dossier_parties WHERE dossier_id = @first AND role = 'Client' LIMIT 1;
            """, connection);
        command.Parameters.AddWithValue("firm", firm);
        command.Parameters.AddWithValue("first", dossiers[0]);
        command.Parameters.AddWithValue("dossiers", dossiers.ToArray());
        var person = (Guid)(await command.ExecuteScalarAsync())!;
        return (person, dossiers);
    }

    private static async Task<List<(string Label, long Count)>> CountsAsync(string ownerConnectionString, Guid firm, Guid person)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        var today = AmsterdamTime.Today(TimeProvider.System);
        var counts = new List<(string, long)>();
        foreach (var (label, sql) in new[]
                 {
                     ("dossiers", "SELECT count(*) FROM dossiers WHERE tenant_id = @firm"),
                     ("  closed more than five years ago", "SELECT count(*) FROM dossiers WHERE tenant_id = @firm AND closed_on < @today - interval '5 years'"),
                     ("contacts", "SELECT count(*) FROM contacts WHERE tenant_id = @firm"),
                     ("  pseudonymised", "SELECT count(*) FROM contacts WHERE tenant_id = @firm AND anonymised_at IS NOT NULL"),
                     ("communications", "SELECT count(*) FROM communications WHERE tenant_id = @firm"),
                     ("documents", "SELECT count(*) FROM documents WHERE tenant_id = @firm"),
                     ("the person's dossiers", "SELECT count(*) FROM dossier_parties WHERE tenant_id = @firm AND contact_id = @person"),
                     ("communications about the person", "SELECT count(*) FROM communications c WHERE c.tenant_id = @firm AND (c.contact_id = @person OR EXISTS (SELECT 1 FROM communication_participants p WHERE p.communication_id = c.id AND p.contact_id = @person))"),
                     ("deletion log entries", "SELECT count(*) FROM erasure_log WHERE tenant_id = @firm"),
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("firm", firm);
            command.Parameters.AddWithValue("person", person);
            command.Parameters.AddWithValue("today", today);
            counts.Add((label, (long)(await command.ExecuteScalarAsync())!));
        }

        return counts;
    }
}
