using System.Diagnostics;
using System.Globalization;
using LegalCrm.Benchmarks;
using LegalCrm.Benchmarks.Load;
using Npgsql;

// Benchmarks (not timed tests): a generated firm on a real PostgreSQL, the app in-process, and p50/p95/max of its
// requests as a signed-in lawyer, one at a time.
//   dotnet run -c Release --project tests/LegalCrm.Benchmarks -- contacts [contacts=100000] [requests=100]
//   dotnet run -c Release --project tests/LegalCrm.Benchmarks -- dossiers [dossiers=50000] [requests=100]
//   dotnet run -c Release --project tests/LegalCrm.Benchmarks -- communications [communications=1000000] [requests=100]
//   dotnet run -c Release --project tests/LegalCrm.Benchmarks -- deadlines [deadlines=200000] [requests=100]
//   dotnet run -c Release --project tests/LegalCrm.Benchmarks -- privacy [dossiers=50000] [communications=200000]
//   dotnet run -c Release --project tests/LegalCrm.Benchmarks -- audit [audit rows=1000000]
//
// The whole app under load (issue 9, README "Performance"): generate the data once, then run the load.
//   dotnet run -c Release --project tests/LegalCrm.Benchmarks -- generate [large|small]
//   dotnet run -c Release --project tests/LegalCrm.Benchmarks -- load [seconds=60] [users=8] [--no-record]
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "LegalCrm.sln")))
{
    root = root.Parent;
}

// The app's content root (wwwroot, views), found from the repository root; test projects get it from MSBuild instead.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LEGALCRM_WEB", Path.Combine(root!.FullName, "src", "LegalCrm.Web"));

if (args.FirstOrDefault() == "generate")
{
    if (DataSize.Find(args.ElementAtOrDefault(1) ?? "large") is not { } dataSize || args.Length > 2)
    {
        return Usage("generate [large|small]");
    }

    return await LoadCommands.GenerateAsync(root!.FullName, dataSize);
}

if (args.FirstOrDefault() == "load")
{
    var counts = args.Skip(1).Where(a => a != "--no-record").Select(a => int.TryParse(a, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : (int?)null).ToList();
    if (counts.Count > 2 || counts.Contains(null))
    {
        return Usage("load [seconds=60] [users=8] [--no-record]   (seconds and users: positive whole numbers)");
    }

    return await LoadCommands.LoadAsync(root!.FullName, TimeSpan.FromSeconds(counts.ElementAtOrDefault(0) ?? 60), counts.ElementAtOrDefault(1) ?? 8,
        record: !args.Contains("--no-record"));
}

string[] suites = ["contacts", "dossiers", "communications", "deadlines", "privacy", "audit"];
var suite = args.FirstOrDefault() is { } first && suites.Contains(first) ? first : "contacts";
var numbers = args.SkipWhile(suites.Contains).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
var size = numbers.Count > 0 ? numbers[0] : suite switch { "dossiers" or "privacy" => 50_000, "communications" or "audit" => 1_000_000, "deadlines" => 200_000, _ => 100_000 };
var requests = numbers.Count > 1 ? numbers[1] : 100;

await using var app = new BenchmarkApp();
await app.InitializeAsync();
var firm = await app.CreateFirmAsync("Benchmark");
if (suite == "communications")
{
    await CommunicationBenchmark.RunAsync(app, firm, size, requests);
    await HoldAsync(app);
    return 0;
}

if (suite == "deadlines")
{
    await DeadlineBenchmark.RunAsync(app, firm, size, requests);
    await HoldAsync(app);
    return 0;
}

if (suite == "privacy")
{
    await PrivacyBenchmark.RunAsync(app, firm, size, numbers.Count > 1 ? numbers[1] : 200_000);
    await HoldAsync(app);
    return 0;
}

if (suite == "audit")
{
    await AuditBenchmark.RunAsync(app, firm, size);
    return 0;
}

if (suite == "dossiers")
{
    await DossierBenchmark.RunAsync(app, firm, size, requests);
    return 0;
}

var contacts = size;
var clock = Stopwatch.StartNew();
await ContactGenerator.FillAsync(app.Database.AdminConnectionString, firm.Id, contacts);
Console.WriteLine($"Generated {contacts:N0} contacts (with e-mail, phone, address) in {clock.Elapsed.TotalSeconds:F1} s");

var samples = await SamplesAsync(app.Database.AdminConnectionString, firm.Id);
await ExplainAsync(app.Database.AppConnectionString, firm.Id, LegalCrm.Web.Features.Clients.DutchName.Fold(samples[0].LastName));
using var client = await app.SignedInAsync(firm.Lawyer);
var scenarios = new List<(string Name, Func<int, string> Url)>
{
    ("list, first page", _ => "/Clients"),
    ("list, page 40", _ => "/Clients?p=40"),
    ("list, clients only, by number desc", _ => "/Clients?client=yes&sort=client_desc"),
    ("search: last name", i => "/Clients?q=" + Uri.EscapeDataString(samples[i % samples.Count].LastName)),
    ("search: last name with a typo", i => "/Clients?q=" + Uri.EscapeDataString(Typo(samples[i % samples.Count].LastName))),
    ("search: first and last name", i => "/Clients?q=" + Uri.EscapeDataString(samples[i % samples.Count].FirstName + " " + samples[i % samples.Count].LastName)),
    ("search: e-mail", i => "/Clients?q=" + Uri.EscapeDataString(samples[i % samples.Count].Email)),
    ("search: phone 06-…", i => "/Clients?q=" + Uri.EscapeDataString("06-" + samples[i % samples.Count].Phone[4..])),
    ("search: postcode", i => "/Clients?q=" + Uri.EscapeDataString(samples[i % samples.Count].Postcode)),
};

await Measure.ScenariosAsync(requests, scenarios.Select(s => (s.Name, (Func<int, Task>)(i => Measure.FetchAsync(client, s.Url(i))))).ToList());
return 0;

// The hot query's plan, run as the app's role under row-level security, so an index that is not used shows.
static async Task ExplainAsync(string connectionString, Guid firm, string name)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var set = new NpgsqlCommand($"SELECT set_config('app.tenant_id', '{firm}', false)", connection))
    {
        await set.ExecuteNonQueryAsync();
    }

    foreach (var sql in new[]
             {
                 "SELECT * FROM legalcrm_contact_name_matches(ARRAY[@like], @name, true, 50, false)",
                 // A plain search's page (ContactSearch.RankedNamePageAsync): ranked by the lookup itself.
                 """
                 SELECT m.id FROM legalcrm_contact_name_matches(ARRAY[@like], @name, true, 50, true) AS m
                 ORDER BY m.rank DESC, m.sort_key, m.id OFFSET 0 LIMIT 51
                 """,
                 // The shape EF gives a filtered search (ContactSearch.Matching + ByRelevance + paging on ids).
                 """
                 SELECT c.id FROM contacts AS c
                 WHERE c.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND c.id IN (
                     SELECT s."Value" FROM (SELECT m.id AS "Value" FROM legalcrm_contact_name_matches(ARRAY[@like], @name, true, 50, false) AS m) AS s)
                 ORDER BY word_similarity(@name, c.search_text) DESC, c.sort_key, c.id
                 LIMIT 51 OFFSET 0
                 """,
             })
    {
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF) " + sql, connection);
        command.Parameters.AddWithValue("like", "%" + name + "%");
        command.Parameters.AddWithValue("name", name);
        Console.WriteLine(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine("  " + reader.GetString(0));
        }
    }
}

// With LEGALCRM_BENCH_HOLD=1 the generated database stays up after the run until Enter is pressed (or stdin closes),
// so its queries can be explored with psql without generating it again.
static async Task HoldAsync(BenchmarkApp app)
{
    if (Environment.GetEnvironmentVariable("LEGALCRM_BENCH_HOLD") != "1")
    {
        return;
    }

    Console.WriteLine($"Holding the database: {app.Database.AdminConnectionString}");
    Console.WriteLine($"As the app's role: {app.Database.AppConnectionString}");
    Console.WriteLine("Press Enter to stop.");
    await Console.In.ReadLineAsync();
}

static string Typo(string name) => name.Length > 4 ? name.Remove(name.Length / 2, 1) : name;

static async Task<List<(string FirstName, string LastName, string Email, string Phone, string Postcode)>> SamplesAsync(string connectionString, Guid firm)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        """
        SELECT c.first_name, c.last_name, e.address, p.number, a.postal_code
        FROM contacts c
        JOIN contact_emails e ON e.contact_id = c.id JOIN contact_phones p ON p.contact_id = c.id JOIN contact_addresses a ON a.contact_id = c.id
        WHERE c.tenant_id = @firm AND c.kind = 'Person'
        ORDER BY c.id LIMIT 50
        """, connection);
    command.Parameters.AddWithValue("firm", firm);
    var rows = new List<(string, string, string, string, string)>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
    }

    return rows;
}

static int Usage(string command)
{
    Console.Error.WriteLine($"Usage: dotnet run -c Release --project tests/LegalCrm.Benchmarks -- {command}");
    return 2;
}
