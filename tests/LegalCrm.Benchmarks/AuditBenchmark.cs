using System.Diagnostics;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LegalCrm.Benchmarks;

/// <summary>
/// Issue 8's benchmark of the tamper-evident audit trail:
/// (1) the write overhead — 10,000 changed contacts saved one per SaveChanges (the shape of a user's request) and 100 per
/// SaveChanges, without the audit interceptor, with it, and with it plus sealing the chain afterwards;
/// (2) sealing and verifying a chain of 1,000,000 audit rows (generated in SQL, realistic change JSON).
/// Each write variant runs five times, alternating, after a VACUUM, and prints every run and the median (the machine is noisy).
/// </summary>
public static class AuditBenchmark
{
    public static async Task RunAsync(CrmAppFactory app, TestFirm firm, int rows)
    {
        const int Entities = 10_000;
        await ContactGenerator.FillAsync(app.Database.AdminConnectionString, firm.Id, Entities);
        var ids = await IdsAsync(app, firm, Entities);
        await SealAsync(app, firm);
        Console.WriteLine($"Write overhead: {Entities:N0} changed contacts (the Notes field), after sealing the {Entities:N0} generated ones.");
        Console.WriteLine($"  {"variant",-44} {"run",3} {"save s",8} {"seal s",8} {"total s",8}");
        var results = new Dictionary<string, List<double>>();
        for (var run = 1; run <= 5; run++)
        {
            foreach (var perSave in new[] { 1, 100 })
            {
                foreach (var variant in new[] { "no audit", "audit", "audit + chain" })
                {
                    var name = $"{variant}, {perSave} per SaveChanges";
                    // Each variant starts from the same state: the dead rows of the one before are vacuumed away.
                    await VacuumAsync(app.Database.AdminConnectionString);
                    var save = await SaveAsync(app, firm, ids, perSave, audited: variant != "no audit", $"{name} run {run}");
                    var seal = variant == "audit + chain" ? await SealAsync(app, firm) : TimeSpan.Zero;
                    if (variant != "audit + chain")
                    {
                        // Sealed outside the measurement, so each variant starts from a sealed chain.
                        await SealAsync(app, firm);
                    }

                    Console.WriteLine($"  {name,-44} {run,3} {save.TotalSeconds,8:F2} {seal.TotalSeconds,8:F2} {(save + seal).TotalSeconds,8:F2}");
                    (results.TryGetValue(name, out var list) ? list : results[name] = []).Add((save + seal).TotalSeconds);
                }
            }
        }

        Console.WriteLine("  Median total and overhead against no audit:");
        foreach (var perSave in new[] { 1, 100 })
        {
            var baseline = Median(results[$"no audit, {perSave} per SaveChanges"]);
            foreach (var variant in new[] { "no audit", "audit", "audit + chain" })
            {
                var median = Median(results[$"{variant}, {perSave} per SaveChanges"]);
                Console.WriteLine($"  {variant + ", " + perSave + " per SaveChanges",-44} {median,8:F2} s  {(median / baseline - 1) * 100,6:F1} %");
            }
        }

        if (rows == 0)
        {
            return;
        }

        Console.WriteLine();
        var clock = Stopwatch.StartNew();
        await WorkloadGenerator.FillAuditRowsAsync(app.Database.AdminConnectionString, firm.Id, rows);
        Console.WriteLine($"Generated {rows:N0} audit rows in {clock.Elapsed.TotalSeconds:F1} s");
        var sealTime = await SealAsync(app, firm);
        Console.WriteLine($"Sealed them in {sealTime.TotalSeconds:F1} s ({rows / sealTime.TotalSeconds:N0} rows/s)");
        for (var run = 1; run <= 3; run++)
        {
            await using var scope = app.FirmScope(firm.Id);
            clock.Restart();
            var report = await scope.ServiceProvider.GetRequiredService<AuditChainVerification>().RunAsync(progress: null);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"Verification run {run}: {report.Checked:N0} rows in {clock.Elapsed.TotalSeconds:F1} s, intact: {report.Intact}, peak working set {process.PeakWorkingSet64 / 1024 / 1024:N0} MiB");
        }
    }

    private static async Task VacuumAsync(string ownerConnectionString)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("VACUUM (ANALYZE) contacts, audit_entries", connection);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task<TimeSpan> SaveAsync(CrmAppFactory app, TestFirm firm, List<Guid> ids, int perSave, bool audited, string note)
    {
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < ids.Count; start += perSave)
        {
            await using var scope = app.FirmScope(firm.Id);
            await using var db = audited ? null : Unaudited(scope.ServiceProvider);
            var context = db ?? scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var batch = ids.Skip(start).Take(perSave).ToList();
            foreach (var contact in await context.Contacts.Where(c => batch.Contains(c.Id)).ToListAsync())
            {
                contact.Notes = note;
            }

            await context.SaveChangesAsync();
        }

        return watch.Elapsed;
    }

    /// <summary>The app's context with the tenant interceptor only: what saving costs without the audit trail.</summary>
    private static CrmDbContext Unaudited(IServiceProvider services)
    {
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        CrmDbContextOptions.Configure(builder, Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), "Crm")!);
        builder.AddInterceptors(services.GetRequiredService<TenantConnectionInterceptor>());
        return new CrmDbContext(builder.Options, services.GetRequiredService<TenantContext>());
    }

    private static async Task<TimeSpan> SealAsync(CrmAppFactory app, TestFirm firm)
    {
        await using var scope = app.FirmScope(firm.Id);
        var watch = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<AuditChainSealer>().SealAsync();
        return watch.Elapsed;
    }

    private static async Task<List<Guid>> IdsAsync(CrmAppFactory app, TestFirm firm, int count)
    {
        await using var scope = app.FirmScope(firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Contacts.OrderBy(c => c.Id).Select(c => c.Id).Take(count).ToListAsync();
    }
}
