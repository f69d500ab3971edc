using System.Diagnostics;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using Npgsql;

namespace LegalCrm.Benchmarks;

/// <summary>
/// Issue 4's benchmark: 50,000 dossiers with 200,000 parties and 100,000 documents' metadata over 100,000 contacts,
/// forty users in thirty teams, the benchmark lawyer in twelve of them. Measures the dossier list, the dossier page,
/// its documents and a conflict check, as that lawyer.
/// </summary>
public static class DossierBenchmark
{
    public static async Task RunAsync(CrmAppFactory app, TestFirm firm, int dossiers, int requests)
    {
        var clock = Stopwatch.StartNew();
        await DossierGenerator.FillFirmAsync(app, firm, dossiers);
        Console.WriteLine($"Generated the firm in {clock.Elapsed.TotalSeconds:F1} s:");
        foreach (var (label, count) in await CountsAsync(app.Database.AdminConnectionString, firm.Id, firm.Lawyer.Id))
        {
            Console.WriteLine($"  {label,-44} {count,9:N0}");
        }

        var serverLog = Environment.GetEnvironmentVariable("LEGALCRM_BENCH_EXPLAIN") == "1" ? await ExplainSlowStatementsAsync(app.Database.AdminConnectionString) : null;

        var mine = await IdsAsync(app.Database.AdminConnectionString, firm.Id, firm.Lawyer.Id, "'Intake', 'Open'");
        var names = await PartyNamesAsync(app.Database.AdminConnectionString, firm.Id);
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        var conflictForms = new List<(string Url, IHtmlFormElement Form)>();
        foreach (var id in mine.Take(20))
        {
            var url = $"/Dossiers/{id}/Conflicts";
            var form = (await lawyer.GetDocumentAsync(url)).QuerySelectorAll<IHtmlFormElement>("main form")
                .First(f => (f.GetAttribute("action") ?? string.Empty).Contains("handler=Run", StringComparison.OrdinalIgnoreCase));
            conflictForms.Add((url, form));
        }

        await Measure.ScenariosAsync(requests,
        [
            ("dossiers: my dossiers, first page", _ => Measure.FetchAsync(lawyer, "/Dossiers")),
            ("dossiers: my dossiers, page 20", _ => Measure.FetchAsync(lawyer, "/Dossiers?p=20")),
            ("dossiers: all I may see, open, by title", _ => Measure.FetchAsync(lawyer, "/Dossiers?scope=all&status=Open&sort=title")),
            ("dossiers: search by party name", i => Measure.FetchAsync(lawyer, "/Dossiers?scope=all&q=" + Uri.EscapeDataString(names[i % names.Count]))),
            ("dossiers: search by number", i => Measure.FetchAsync(lawyer, $"/Dossiers?scope=all&q={2015 + (i % 12)}-0{i % 10}")),
            ("dossier page", i => Measure.FetchAsync(lawyer, $"/Dossiers/{mine[i % mine.Count]}")),
            ("dossier documents", i => Measure.FetchAsync(lawyer, $"/Dossiers/{mine[i % mine.Count]}/Documents")),
            ("conflict check (4 parties, all dossiers)", async i =>
            {
                var (url, form) = conflictForms[i % conflictForms.Count];
                var response = await lawyer.PostFormAsync(form, url, new Dictionary<string, string>());
                if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"The conflict check on {url} answered {(int)response.StatusCode}");
                }
            }),
        ]);
        if (serverLog is not null)
        {
            File.Copy(serverLog, "benchmark-slow-statements.log", overwrite: true);
            Console.WriteLine($"Plans of the slow statements: {Path.GetFullPath("benchmark-slow-statements.log")}");
        }
    }

    /// <summary>Diagnosis: PostgreSQL's auto_explain writes the plan of every statement over 15 ms to the server log.</summary>
    internal static async Task<string> ExplainSlowStatementsAsync(string ownerConnectionString)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[]
                 {
                     "LOAD 'auto_explain'",
                     "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'",
                     "ALTER SYSTEM SET auto_explain.log_min_duration = '15ms'",
                     "ALTER SYSTEM SET auto_explain.log_analyze = on",
                     "SELECT pg_reload_conf()",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var where = new NpgsqlCommand("SHOW data_directory", connection);
        var directory = (string)(await where.ExecuteScalarAsync())!;
        NpgsqlConnection.ClearAllPools();
        return Path.Combine(directory, "server.log");
    }

    private static async Task<List<(string, long)>> CountsAsync(string connectionString, Guid firm, Guid lawyer)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var result = new List<(string, long)>();
        foreach (var (label, sql) in new[]
                 {
                     ("contacts", "SELECT count(*) FROM contacts WHERE tenant_id = @firm"),
                     ("dossiers", "SELECT count(*) FROM dossiers WHERE tenant_id = @firm"),
                     ("parties", "SELECT count(*) FROM dossier_parties WHERE tenant_id = @firm"),
                     ("documents (metadata)", "SELECT count(*) FROM documents WHERE tenant_id = @firm"),
                     ("teams the lawyer is in", "SELECT count(*) FROM team_members WHERE tenant_id = @firm AND user_id = @lawyer"),
                     ("dossiers the lawyer works on (via teams)", "SELECT count(DISTINCT dt.dossier_id) FROM dossier_teams dt JOIN team_members m ON m.team_id = dt.team_id WHERE m.user_id = @lawyer AND dt.tenant_id = @firm"),
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("firm", firm);
            command.Parameters.AddWithValue("lawyer", lawyer);
            result.Add((label, (long)(await command.ExecuteScalarAsync())!));
        }

        return result;
    }

    private static async Task<List<Guid>> IdsAsync(string connectionString, Guid firm, Guid lawyer, string statuses)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT d.id FROM dossiers d
            JOIN dossier_teams dt ON dt.dossier_id = d.id JOIN team_members m ON m.team_id = dt.team_id AND m.user_id = @lawyer
            WHERE d.tenant_id = @firm AND d.status IN ({statuses})
            ORDER BY d.number LIMIT 100
            """, connection);
        command.Parameters.AddWithValue("firm", firm);
        command.Parameters.AddWithValue("lawyer", lawyer);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<List<string>> PartyNamesAsync(string connectionString, Guid firm)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT c.last_name FROM contacts c WHERE c.tenant_id = @firm AND c.kind = 'Person' AND EXISTS (SELECT 1 FROM dossier_parties p WHERE p.contact_id = c.id) ORDER BY c.id LIMIT 50",
            connection);
        command.Parameters.AddWithValue("firm", firm);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
