using LegalCrm.TestSupport;

namespace LegalCrm.Benchmarks;

/// <summary>The test host; with LEGALCRM_BENCH_SQL=1 it logs every SQL command with its duration (to find the slow one).</summary>
public sealed class BenchmarkApp : CrmAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        Environment.GetEnvironmentVariable("LEGALCRM_BENCH_SQL") == "1"
            ? [new("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Information")]
            : [];
}
