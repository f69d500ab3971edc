using System.Diagnostics;
using LegalCrm.TestSupport;

namespace LegalCrm.Benchmarks;

public static class Measure
{
    /// <summary>Runs each scenario 5 times to warm up, then <paramref name="requests"/> times, and prints p50/p95/max in ms.</summary>
    public static async Task ScenariosAsync(int requests, IReadOnlyList<(string Name, Func<int, Task> Run)> scenarios)
    {
        Console.WriteLine($"{requests} requests per scenario, one at a time, after 5 warm-up requests; milliseconds:");
        Console.WriteLine($"{"scenario",-44} {"p50",7} {"p95",7} {"max",7}");
        foreach (var (name, run) in scenarios)
        {
            for (var i = 0; i < 5; i++)
            {
                await run(i);
            }

            var timings = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var watch = Stopwatch.StartNew();
                await run(i);
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }

            timings.Sort();
            Console.WriteLine($"{name,-44} {Percentile(timings, 0.50),7:F1} {Percentile(timings, 0.95),7:F1} {timings[^1],7:F1}");
        }
    }

    public static async Task FetchAsync(CrmClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
        }

        await response.Content.ReadAsByteArrayAsync();
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
