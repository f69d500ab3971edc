using LegalCrm.TestSupport;

namespace LegalCrm.Benchmarks;

/// <summary>
/// The test host without a job server: a benchmark runs the jobs it measures itself, and a recurring sweep firing in
/// the background would take their work (at a five-minute mark one took 8,500 of the 10,000 reminders being measured).
/// With LEGALCRM_BENCH_SQL=1 it logs every SQL command with its duration (to find the slow one).
/// </summary>
public sealed class BenchmarkApp : CrmAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        Environment.GetEnvironmentVariable("LEGALCRM_BENCH_SQL") == "1"
            ? [new("Jobs:RunServer", "false"), new("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Information")]
            : [new("Jobs:RunServer", "false")];
}
