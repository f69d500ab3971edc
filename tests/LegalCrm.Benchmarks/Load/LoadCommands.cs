using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Infrastructure.Database;
using LegalCrm.Web.Infrastructure.Email;
using LegalCrm.Web.Infrastructure.Keys;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LegalCrm.Benchmarks.Load;

/// <summary>
/// The two commands of the whole-app benchmark (README, "Performance"):
/// <c>generate [large|small]</c> builds a private PostgreSQL in <c>.bench/</c> with a generated firm and twenty smaller
/// ones; <c>load [seconds] [users]</c> starts the Release build of the app on it as its own process (production
/// settings) and drives the page mix with <see cref="LoadDriver"/>, then prints and records the figures in
/// docs/benchmarks.md, with the plans of each page's slowest statement (EXPLAIN ANALYZE, by PostgreSQL's auto_explain).
/// </summary>
public static partial class LoadCommands
{
    private const double MemoryTargetMegabytes = 500;

    public static async Task<int> GenerateAsync(string root, DataSize size)
    {
        var bench = Path.Combine(root, ".bench");
        Directory.CreateDirectory(bench);
        var total = Stopwatch.StartNew();
        await using var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(bench, "db") }, NullLogger.Instance);
        await RecreateDatabaseAsync(postgres);
        await DatabaseMigrator.MigrateAsync(postgres.AdminConnectionString, NullLogger.Instance);
        Console.WriteLine($"Empty database migrated in {total.Elapsed.TotalSeconds:F0} s; generating '{size.Name}':");

        var settings = new BenchSettings(KeyEncryptionKeys.NewKey(), size.Name, null!, DateTimeOffset.UtcNow, 0);
        var database = new TestPostgres.Database("legalcrm", postgres.AppConnectionString, postgres.AdminConnectionString);
        GeneratedFirm firm;
        await using (var app = new GeneratorApp(database, settings.KeyEncryptionKey, Path.Combine(bench, "documents")))
        {
            await app.InitializeAsync();
            firm = await BenchmarkData.GenerateAsync(app, size, Console.Out);
        }

        settings = settings with { Firm = firm, GeneratedSeconds = total.Elapsed.TotalSeconds };
        await File.WriteAllTextAsync(Path.Combine(bench, "bench.json"), JsonSerializer.Serialize(settings));
        // Plans of slow statements are logged by auto_explain, loaded in every session from the next start on;
        // it stays switched off (log_min_duration -1) except during the load run's explain pass.
        await ExecuteAsync(postgres.AdminConnectionString,
            "LOAD 'auto_explain'", "ALTER SYSTEM SET shared_preload_libraries = 'auto_explain'", "ALTER SYSTEM SET auto_explain.log_min_duration = -1");
        Console.WriteLine($"Done in {total.Elapsed.TotalSeconds:F0} s. Next: dotnet run -c Release --project tests/LegalCrm.Benchmarks -- load");
        return 0;
    }

    public static async Task<int> LoadAsync(string root, TimeSpan duration, int users, bool record)
    {
        var bench = Path.Combine(root, ".bench");
        var settingsFile = Path.Combine(bench, "bench.json");
        if (!File.Exists(settingsFile))
        {
            Console.Error.WriteLine("No generated data: run 'dotnet run -c Release --project tests/LegalCrm.Benchmarks -- generate' first.");
            return 2;
        }

        var settings = JsonSerializer.Deserialize<BenchSettings>(await File.ReadAllTextAsync(settingsFile))!;
        var webDll = Path.Combine(root, "src", "LegalCrm.Web", "bin", "Release", "net10.0", "LegalCrm.Web.dll");
        if (!File.Exists(webDll))
        {
            Console.Error.WriteLine($"{webDll} is missing: run this command with -c Release (it builds the app).");
            return 2;
        }

        await using var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(bench, "db") }, NullLogger.Instance);
        await ExecuteAsync(postgres.AdminConnectionString, "ALTER SYSTEM SET auto_explain.log_min_duration = -1", "SELECT pg_reload_conf()");
        var plan = await LoadPlan.ReadAsync(postgres.AdminConnectionString, settings.Firm);
        plan = plan with { Users = [.. Enumerable.Range(0, users).Select(i => plan.Users[i % plan.Users.Count])] };
        var data = await DataSummaryAsync(postgres.AdminConnectionString, settings.Firm);

        await using var mail = DevSmtpSink.Start();
        var port = EmbeddedPostgres.FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var app = StartApp(root, webDll, postgres, settings, mail.Port, baseAddress, Path.Combine(bench, "app.log"));
        try
        {
            var starting = Stopwatch.StartNew();
            await WaitUntilReadyAsync(app, baseAddress, Path.Combine(bench, "app.log"));
            Console.WriteLine($"The app answered /health/ready {starting.Elapsed.TotalSeconds:F1} s after its start.");
            CrmClient NewBrowser() => new(new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = baseAddress,
            });

            var warmUp = TimeSpan.FromSeconds(Math.Min(15, Math.Max(3, duration.TotalSeconds / 4)));
            Console.WriteLine($"Load: {users} users ({string.Join(", ", plan.Users.GroupBy(u => u.RoleKey).Select(g => $"{g.Count()} {g.Key}"))}), " +
                              $"{warmUp.TotalSeconds:F0} s warm-up, {duration.TotalSeconds:F0} s measured …");
            var pages = await LoadDriver.RunAsync(NewBrowser, plan, warmUp, duration);
            var ceiling = await LoadDriver.CeilingAsync(NewBrowser, users, TimeSpan.FromSeconds(Math.Min(10, duration.TotalSeconds)));
            var peakMemory = PeakMemoryMegabytes(app);
            var plans = await ExplainPassAsync(postgres, NewBrowser, plan);

            var report = Report(settings, data, plan, warmUp, duration, pages, ceiling, peakMemory, plans, root);
            Console.WriteLine(report);
            if (record)
            {
                await AppendToBenchmarksAsync(root, report);
                Console.WriteLine("Recorded in docs/benchmarks.md.");
            }

            var met = pages.All(p => p.Errors == 0 && p.P95 < p.TargetP95 && p.SqlMax <= 10) && ceiling.Errors == 0 && peakMemory < MemoryTargetMegabytes;
            Console.WriteLine(met ? "All targets met." : "Not all targets met (see the marks in the table).");
            return pages.Sum(p => p.Errors) + ceiling.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }
        }
    }

    private static Process StartApp(string root, string webDll, EmbeddedPostgres postgres, BenchSettings settings, int smtpPort, Uri baseAddress, string logFile)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src", "LegalCrm.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(webDll);
        var bench = Path.Combine(root, ".bench");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = baseAddress.ToString(),
            ["ConnectionStrings__Crm"] = postgres.AppConnectionString,
            ["ConnectionStrings__CrmAdmin"] = postgres.AdminConnectionString,
            ["Database__MigrateOnStart"] = "false",
            ["Security__KeyEncryptionKey"] = settings.KeyEncryptionKey,
            ["Security__SecureCookies"] = "false",
            ["Security__SignInAttemptsPerMinute"] = "100000",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
            ["Demo__Seed"] = "false",
            ["App__PublicUrl"] = baseAddress.ToString(),
            ["Documents__StoragePath"] = Path.Combine(bench, "documents"),
            ["Backup__Folder"] = Path.Combine(bench, "backups"),
            ["Backup__Schedule"] = "off",
            ["Diagnostics__SqlCommandHeader"] = "true",
        })
        {
            start.Environment[key] = value;
        }

        // For experiments: LEGALCRM_APP_X=y reaches the app as X=y (a setting, or a runtime knob such as DOTNET_…).
        foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith("LEGALCRM_APP_", StringComparison.Ordinal)))
        {
            start.Environment[key["LEGALCRM_APP_".Length..]] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    log.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.Exited += (_, _) => log.Dispose();
        process.EnableRaisingEvents = true;
        return process;
    }

    private static async Task WaitUntilReadyAsync(Process app, Uri baseAddress, string logFile)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"The app stopped while starting (exit code {app.ExitCode}); see {logFile}.");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not become ready within two minutes; see {logFile}.");
    }

    /// <summary>The app's peak resident memory since it started (Linux: VmHWM), in MB.</summary>
    private static double PeakMemoryMegabytes(Process app)
    {
        var status = File.ReadAllLines($"/proc/{app.Id}/status");
        var line = status.First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>
    /// One user, one page at a time, with auto_explain logging every statement's plan with actual times: for each page
    /// the statement that took longest, as EXPLAIN ANALYZE shows it. Run after the measurement, so it costs it nothing.
    /// </summary>
    private static async Task<List<(string Page, double Milliseconds, string Plan)>> ExplainPassAsync(EmbeddedPostgres postgres, Func<CrmClient> newBrowser, LoadPlan plan)
    {
        var log = Path.Combine(postgres.DataDirectory, "cluster", "server.log");
        var user = plan.Users[0];
        using var browser = newBrowser();
        await browser.SignInAsync(user.Email, CrmAppFactory.Password);
        // Each GET page of the mix once, for the first user, with fixed choices.
        var urls = LoadDriver.Pages.Where(p => p != "log a call")
            .Select(page => (Page: page, Url: LoadDriver.UrlOf(page, user, plan, user.Dossiers[0], new Random(0)))).ToList();
        await ExecuteAsync(postgres.AdminConnectionString,
            "ALTER SYSTEM SET auto_explain.log_min_duration = 0", "ALTER SYSTEM SET auto_explain.log_analyze = on",
            "ALTER SYSTEM SET auto_explain.log_timing = on", "SELECT pg_reload_conf()");
        var found = new List<(string, double, string)>();
        try
        {
            foreach (var (page, url) in urls)
            {
                var from = new FileInfo(log).Length;
                (await browser.GetAsync(url)).Dispose();
                await Task.Delay(200);
                var slowest = PlansIn(await ReadFromAsync(log, from)).OrderByDescending(p => p.Milliseconds).FirstOrDefault();
                if (slowest.Plan is not null)
                {
                    found.Add((page, slowest.Milliseconds, slowest.Plan));
                }
            }
        }
        finally
        {
            await ExecuteAsync(postgres.AdminConnectionString, "ALTER SYSTEM SET auto_explain.log_min_duration = -1", "SELECT pg_reload_conf()");
        }

        return found;
    }

    private static async Task<string> ReadFromAsync(string file, long offset)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    /// <summary>auto_explain's entries: "LOG:  duration: 1.234 ms  plan:" and the indented lines after it.</summary>
    private static IEnumerable<(double Milliseconds, string Plan)> PlansIn(string log)
    {
        double? duration = null;
        var plan = new StringBuilder();
        foreach (var line in log.Split('\n'))
        {
            var start = PlanStart().Match(line);
            if (start.Success || (duration is not null && !line.StartsWith('\t') && !line.StartsWith(' ')))
            {
                if (duration is { } done && plan.Length > 0)
                {
                    yield return (done, plan.ToString().TrimEnd());
                }

                duration = start.Success ? double.Parse(start.Groups[1].Value, CultureInfo.InvariantCulture) : null;
                plan.Clear();
                continue;
            }

            if (duration is not null)
            {
                plan.AppendLine(line.TrimStart('\t'));
            }
        }

        if (duration is { } last && plan.Length > 0)
        {
            yield return (last, plan.ToString().TrimEnd());
        }
    }

    [GeneratedRegex(@"LOG:\s+duration: ([0-9.]+) ms\s+plan:")]
    private static partial Regex PlanStart();

    private static string Report(BenchSettings settings, string data, LoadPlan plan, TimeSpan warmUp, TimeSpan duration, IReadOnlyList<PageResult> pages,
        PageResult ceiling, double peakMemory, List<(string Page, double Milliseconds, string Plan)> plans, string root)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC — commit {Git(root, "rev-parse --short HEAD")}{(Git(root, "status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : string.Empty)}, size {settings.Size}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Machine()}; PostgreSQL {PostgresVersion(root)} on the same machine; app: Release build, production settings, its own process.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Data: {data} (generated in {settings.GeneratedSeconds:F0} s).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load: {plan.Users.Count} concurrent users without pauses ({string.Join(", ", plan.Users.GroupBy(u => u.RoleKey).Select(g => $"{g.Count()} {g.Key}"))}), {warmUp.TotalSeconds:F0} s warm-up, {duration.TotalSeconds:F0} s measured; the load client runs on the same two cores.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- App peak memory (resident, VmHWM): **{peakMemory:F0} MB** (target < {MemoryTargetMegabytes:F0} MB){(peakMemory < MemoryTargetMegabytes ? string.Empty : " ✗")}.");
        text.AppendLine();
        text.AppendLine("| page | requests/s | p50 ms | p95 ms | p99 ms | errors | SQL commands/request (mean, max) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var page in pages.Append(ceiling))
        {
            var mark = page == ceiling ? string.Empty : page.P95 < page.TargetP95 ? string.Empty : $" ✗ (target {page.TargetP95:F0})";
            var sqlMark = page.SqlMax > 10 ? " ✗" : string.Empty;
            var sql = page.SqlMax < 0 ? "–" : $"{page.SqlMean:F1}, {page.SqlMax}{sqlMark}";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {(page == ceiling ? "/health/live (ceiling)" : page.Page)} | {page.PerSecond:F1} | {page.P50:F1} | {page.P95:F1}{mark} | {page.P99:F1} | {page.Errors}{(page.Errors > 0 ? " ✗" : string.Empty)} | {sql} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Total: {pages.Sum(p => p.PerSecond):F1} requests/s. Targets: pages p95 < 100 ms, searches < 200 ms, no errors, ≤ 10 SQL commands per request (a batch counts once), memory < 500 MB.");
        foreach (var error in pages.Where(p => p.FirstError is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- First error of {error.Page}: {error.FirstError}");
        }

        if (plans.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("<details><summary>Each page's slowest statement, EXPLAIN ANALYZE (auto_explain, one request after the run)</summary>");
            text.AppendLine();
            foreach (var (page, ms, planText) in plans)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"**{page}** — {ms:F1} ms");
                text.AppendLine();
                text.AppendLine("```");
                text.AppendLine(planText.Length > 4000 ? planText[..4000] + "\n…" : planText);
                text.AppendLine("```");
                text.AppendLine();
            }

            text.AppendLine("</details>");
        }

        return text.ToString();
    }

    private static async Task AppendToBenchmarksAsync(string root, string report)
    {
        var file = Path.Combine(root, "docs", "benchmarks.md");
        const string marker = "<!-- runs: newest first -->";
        var existing = File.Exists(file) ? await File.ReadAllTextAsync(file) : marker + "\n";
        var at = existing.IndexOf(marker, StringComparison.Ordinal);
        var updated = at < 0 ? existing + "\n" + report : existing[..(at + marker.Length)] + "\n\n" + report + existing[(at + marker.Length)..].TrimStart('\n').Insert(0, "\n");
        await File.WriteAllTextAsync(file, updated);
    }

    private static async Task<string> DataSummaryAsync(string owner, GeneratedFirm firm)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        var tables = new[] { ("contacts", "contacts"), ("dossiers", "dossiers"), ("dossier_parties", "parties"), ("communications", "communications"), ("deadlines", "deadlines"), ("tasks", "tasks"), ("audit_entries", "audit rows") };
        var parts = new List<string>();
        foreach (var (table, label) in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FILTER (WHERE tenant_id = @firm), count(*) FROM {table}", connection);
            command.Parameters.AddWithValue("firm", firm.Id);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            parts.Add($"{reader.GetInt64(0):N0} {label}");
        }

        await using var firms = new NpgsqlCommand("SELECT count(*) FROM firms", connection);
        var others = (long)(await firms.ExecuteScalarAsync())! - 1;
        return $"the firm \"{firm.Name}\" with {string.Join(", ", parts)}; beside it {others} smaller firms";
    }

    private static string Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return $"{Environment.ProcessorCount} cores ({cpu}), {long.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024} GiB, .NET {Environment.Version}";
    }

    private static string PostgresVersion(string root) =>
        PostgresBinaries.Find(null) is { } bin ? Run(Path.Combine(bin, "postgres"), "--version", root).Replace("postgres (PostgreSQL) ", string.Empty, StringComparison.Ordinal) : "?";

    private static string Git(string root, string arguments) => Run("git", arguments, root);

    private static string Run(string program, string arguments, string directory)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    private static async Task RecreateDatabaseAsync(EmbeddedPostgres postgres)
    {
        var admin = new NpgsqlConnectionStringBuilder(postgres.AdminConnectionString);
        var database = admin.Database!;
        var appLogin = new NpgsqlConnectionStringBuilder(postgres.AppConnectionString);
        admin.Database = "postgres";
        await ExecuteAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS {DatabaseProvisioner.QuoteIdentifier(database)} WITH (FORCE)");
        await DatabaseProvisioner.EnsureAsync(admin.ConnectionString, database, appLogin.Username!, appLogin.Password!);
    }

    internal static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
            await command.ExecuteNonQueryAsync();
        }
    }


    /// <summary>What <c>generate</c> leaves for <c>load</c> in .bench/bench.json (the folder is ignored by git).</summary>
    private sealed record BenchSettings(string KeyEncryptionKey, string Size, GeneratedFirm Firm, DateTimeOffset GeneratedAt, double GeneratedSeconds);

    /// <summary>The app in-process on the benchmark database, for provisioning accounts and sealing; no job server.</summary>
    private sealed class GeneratorApp(TestPostgres.Database database, string keyEncryptionKey, string documents) : CrmAppFactory
    {
        protected override Task<TestPostgres.Database> CreateDatabaseAsync() => Task.FromResult(database);

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Jobs:RunServer", "false"), new("Security:KeyEncryptionKey", keyEncryptionKey), new("Documents:StoragePath", documents)];
    }
}
