using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Infrastructure.Diagnostics;

namespace LegalCrm.Benchmarks.Load;

/// <summary>What one page did under load.</summary>
public sealed record PageResult(string Page, int Requests, int Errors, double Seconds, double P50, double P95, double P99, double SqlMean, int SqlMax, string? FirstError)
{
    public double PerSecond => Requests / Seconds;

    /// <summary>Searches have a looser target than pages (issue 9: 200 ms against 100 ms).</summary>
    public bool IsSearch => Page.Contains("search", StringComparison.Ordinal);

    public double TargetP95 => IsSearch ? 200 : 100;
}

/// <summary>
/// Closed-loop load: each virtual user signs in in a browser of its own (cookie jar) and goes from page to page with no
/// pause, through a mix weighted like an office's day — look up a client, open a dossier, read its timeline, log a call.
/// Every answer is checked (a page 200, a saved form a redirect), timed, and its SQL commands read from the
/// <see cref="SqlCommandCount.Header"/> header. The first <c>warmUp</c> is not recorded (JIT, caches, pools).
/// </summary>
public static class LoadDriver
{
    private static readonly (string Page, int Weight)[] Mix =
    [
        ("dashboard", 10),
        ("contact search", 12),
        ("client page", 12),
        ("dossier list", 10),
        ("dossier page", 16),
        ("dossier timeline", 8),
        ("agenda", 8),
        ("communication search", 10),
        ("log a call", 6),
    ];

    public static async Task<IReadOnlyList<PageResult>> RunAsync(Func<CrmClient> newBrowser, LoadPlan plan, TimeSpan warmUp, TimeSpan duration, CancellationToken ct = default)
    {
        var browsers = new List<CrmClient>();
        foreach (var user in plan.Users)
        {
            var browser = newBrowser();
            var signedIn = await browser.SignInAsync(user.Email, CrmAppFactory.Password);
            if (signedIn.Headers.Location?.OriginalString != "/")
            {
                throw new InvalidOperationException($"Sign-in as {user.Email} failed: {(int)signedIn.StatusCode} {signedIn.Headers.Location}");
            }

            browsers.Add(browser);
        }

        var start = Stopwatch.GetTimestamp();
        var recordFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = recordFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var samples = await Task.WhenAll(plan.Users.Select((user, i) => Task.Run(() => UserLoopAsync(browsers[i], user, plan, i, recordFrom, stopAt, ct), ct)));
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }

        return Summarise(samples.SelectMany(s => s), duration.TotalSeconds, Pages);
    }

    /// <summary>The ceiling: the cheapest answer the app gives (no session, no database), at the same concurrency.</summary>
    public static async Task<PageResult> CeilingAsync(Func<CrmClient> newBrowser, int concurrency, TimeSpan duration, CancellationToken ct = default)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var samples = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            using var browser = newBrowser();
            var own = new List<Sample>();
            while (Stopwatch.GetTimestamp() < stopAt && !ct.IsCancellationRequested)
            {
                own.Add(await TimeAsync("/health/live", () => browser.GetAsync("/health/live"), HttpStatusCode.OK));
            }

            return own;
        }, ct)));
        return Summarise(samples.SelectMany(s => s), duration.TotalSeconds, ["/health/live"])[0];
    }

    private static async Task<List<Sample>> UserLoopAsync(CrmClient browser, LoadUser user, LoadPlan plan, int seed, long recordFrom, long stopAt, CancellationToken ct)
    {
        var random = new Random(seed);
        var mix = user.LogsCalls ? Mix : [.. Mix.Where(m => m.Page != "log a call")];
        var totalWeight = mix.Sum(m => m.Weight);
        var samples = new List<Sample>();
        while (!ct.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= stopAt)
            {
                break;
            }

            var pick = random.Next(totalWeight);
            var page = mix.First(m => (pick -= m.Weight) < 0).Page;
            var dossier = user.Dossiers[random.Next(user.Dossiers.Count)];
            var done = page == "log a call"
                ? await LogCallAsync(browser, dossier, random)
                : [await GetAsync(browser, page, UrlOf(page, user, plan, dossier, random))];
            if (now >= recordFrom)
            {
                samples.AddRange(done);
            }
        }

        return samples;
    }

    /// <summary>The address a page of the mix is asked at, for this user (a dossier and search words of theirs).</summary>
    public static string UrlOf(string page, LoadUser user, LoadPlan plan, Guid dossier, Random random) => page switch
    {
        "dashboard" => "/",
        "contact search" => "/Clients?q=" + Uri.EscapeDataString(plan.ContactSearches[random.Next(plan.ContactSearches.Count)]),
        "client page" => $"/Clients/{user.Clients[random.Next(user.Clients.Count)]}",
        "dossier list" => "/Dossiers",
        "dossier page" => $"/Dossiers/{dossier}",
        "dossier timeline" => $"/Dossiers/{dossier}/Communications",
        "agenda" => "/Agenda",
        "communication search" => "/Communications?q=" + Uri.EscapeDataString(plan.CommunicationSearches[random.Next(plan.CommunicationSearches.Count)]),
        "log a call: form" => LogFormUrl(dossier),
        _ => throw new ArgumentException($"No page '{page}' in the mix.", nameof(page)),
    };

    /// <summary>The pages of the mix in report order, the call's form before its POST.</summary>
    public static IEnumerable<string> Pages => Mix.SelectMany(m => m.Page == "log a call" ? ["log a call: form", m.Page] : new[] { m.Page });

    private static string LogFormUrl(Guid dossier) => $"/Communications/Log?dossier={dossier}&kind=Call";

    private static Task<Sample> GetAsync(CrmClient browser, string page, string url) =>
        TimeAsync(page, () => browser.GetAsync(url), HttpStatusCode.OK, url);

    /// <summary>The form (timed on its own), then saving it with the dossier's client on the line: a redirect when saved.</summary>
    private static async Task<Sample[]> LogCallAsync(CrmClient browser, Guid dossier, Random random)
    {
        var url = LogFormUrl(dossier);
        AngleSharp.Dom.IDocument? document = null;
        var form = await TimeAsync("log a call: form", () => browser.GetAsync(url), HttpStatusCode.OK, url, async answer => document = await CrmClient.ParseAsync(answer));
        if (form.Error is not null || document is null)
        {
            return [form];
        }

        var logForm = document.QuerySelector("form[data-testid=log-form]") as IHtmlFormElement;
        var client = (document.QuerySelector("input[name='Input.ContactIds']") as IHtmlInputElement)?.Value;
        if (logForm is null || client is null)
        {
            return [form, new Sample("log a call", 0, 0, "the form or its client checkbox is missing")];
        }

        var fields = new Dictionary<string, string>
        {
            ["Input.Subject"] = $"Telefoonnotitie {random.Next(100_000)}",
            ["Input.Body"] = "Cliënt belde over de **stand van zaken**; terugbellen na de zitting.",
            ["Input.DurationMinutes"] = (5 + random.Next(40)).ToString(CultureInfo.InvariantCulture),
            ["Input.ContactIds"] = client,
        };
        var save = await TimeAsync("log a call", () => browser.PostFormAsync(logForm, url, fields), HttpStatusCode.Redirect, url);
        return [form, save];
    }

    private static async Task<Sample> TimeAsync(string page, Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, string? url = null,
        Func<HttpResponseMessage, Task>? read = null)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await send();
            // The whole answer, as a browser would read it.
            await response.Content.LoadIntoBufferAsync();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var sql = response.Headers.TryGetValues(SqlCommandCount.Header, out var values) ? int.Parse(values.First(), CultureInfo.InvariantCulture) : -1;
            if (read is not null && response.StatusCode == expected)
            {
                await read(response);
            }

            return response.StatusCode == expected
                ? new Sample(page, elapsed, sql, null)
                : new Sample(page, elapsed, sql, $"{url} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Sample(page, Stopwatch.GetElapsedTime(start).TotalMilliseconds, -1, $"{url}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static List<PageResult> Summarise(IEnumerable<Sample> samples, double seconds, IEnumerable<string> order)
    {
        var byPage = samples.GroupBy(s => s.Page).ToDictionary(g => g.Key, g => g.ToList());
        return [.. order.Distinct().Where(byPage.ContainsKey).Select(page =>
        {
            var all = byPage[page];
            var times = all.Select(s => s.Milliseconds).Order().ToList();
            var sql = all.Where(s => s.SqlCommands >= 0).Select(s => s.SqlCommands).ToList();
            return new PageResult(page, all.Count, all.Count(s => s.Error is not null), seconds,
                Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99),
                sql.Count > 0 ? sql.Average() : double.NaN, sql.Count > 0 ? sql.Max() : -1, all.FirstOrDefault(s => s.Error is not null)?.Error);
        })];
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record Sample(string Page, double Milliseconds, int SqlCommands, string? Error);
}
