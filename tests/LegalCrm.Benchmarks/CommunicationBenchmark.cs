using System.Diagnostics;
using LegalCrm.TestSupport;
using Npgsql;

namespace LegalCrm.Benchmarks;

/// <summary>
/// Issue 5's benchmark: the dossier benchmark's firm plus 1,000,000 communications, one dossier of the lawyer's with
/// 5,000 of them. Measures the dossier and contact timelines and full-text search, as that lawyer.
/// Goals on this machine: timelines p95 under 80 ms, search p95 under 200 ms.
/// </summary>
public static class CommunicationBenchmark
{
    public static async Task RunAsync(CrmAppFactory app, TestFirm firm, int communications, int requests)
    {
        var clock = Stopwatch.StartNew();
        const int dossiers = 50_000;
        await DossierGenerator.FillFirmAsync(app, firm, dossiers);
        Console.WriteLine($"Generated contacts and dossiers in {clock.Elapsed.TotalSeconds:F1} s");
        var (big, bigClient) = await BigDossierAsync(app.Database.AdminConnectionString, firm.Id, firm.Lawyer.Id);
        clock.Restart();
        var bigItems = Math.Min(5_000, communications / 10);
        await CommunicationGenerator.FillAsync(app.Database.AdminConnectionString, firm.Id, big, firm.Lawyer.Id, communications, bigItems);
        Console.WriteLine($"Generated {communications:N0} communications ({bigItems:N0} in one dossier) with participants in {clock.Elapsed.TotalSeconds:F1} s");
        var otherContacts = await ContactsWithCommunicationsAsync(app.Database.AdminConnectionString, firm.Id);

        var serverLog = Environment.GetEnvironmentVariable("LEGALCRM_BENCH_EXPLAIN") == "1" ? await DossierBenchmark.ExplainSlowStatementsAsync(app.Database.AdminConnectionString) : null;
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        // From the most common word of the generated vocabulary to a surname in one message in 1,600.
        string[] common = ["dagvaarding", "conclusie", "antwoord"];
        string[] medium = ["transitievergoeding", "huurder schade", "\"hoger beroep\"", "faillissement"];
        string[] rare = ["bergga", "hofri", "molenta", "zandpe muller"];
        await Measure.ScenariosAsync(requests,
        [
            ($"dossier timeline ({bigItems:N0} items), page 1", _ => Measure.FetchAsync(lawyer, $"/Dossiers/{big}/Communications")),
            ("dossier timeline, page 40", _ => Measure.FetchAsync(lawyer, $"/Dossiers/{big}/Communications?p=40")),
            ("dossier timeline, calls only", _ => Measure.FetchAsync(lawyer, $"/Dossiers/{big}/Communications?kind=Call")),
            ("dossier page (latest 10)", _ => Measure.FetchAsync(lawyer, $"/Dossiers/{big}")),
            ("contact timeline (the big dossier's client)", _ => Measure.FetchAsync(lawyer, $"/Clients/{bigClient}/Communications")),
            ("contact timeline (other contacts)", i => Measure.FetchAsync(lawyer, $"/Clients/{otherContacts[i % otherContacts.Count]}/Communications")),
            ("contact page (latest 20)", i => Measure.FetchAsync(lawyer, $"/Clients/{otherContacts[i % otherContacts.Count]}")),
            ("search: a very common word", i => Measure.FetchAsync(lawyer, "/Communications?q=" + Uri.EscapeDataString(common[i % common.Length]))),
            ("search: less common words", i => Measure.FetchAsync(lawyer, "/Communications?q=" + Uri.EscapeDataString(medium[i % medium.Length]))),
            ("search: a name", i => Measure.FetchAsync(lawyer, "/Communications?q=" + Uri.EscapeDataString(rare[i % rare.Length]))),
            ("search: less common words, page 5", i => Measure.FetchAsync(lawyer, "/Communications?p=5&q=" + Uri.EscapeDataString(medium[i % medium.Length]))),
            ("search: within the big dossier", i => Measure.FetchAsync(lawyer, $"/Communications?dossier={big}&q=" + Uri.EscapeDataString(medium[i % medium.Length]))),
        ]);
        if (serverLog is not null)
        {
            File.Copy(serverLog, "benchmark-slow-statements.log", overwrite: true);
            Console.WriteLine($"Plans of the slow statements: {Path.GetFullPath("benchmark-slow-statements.log")}");
        }
    }

    private static async Task<(Guid Dossier, Guid Client)> BigDossierAsync(string connectionString, Guid firm, Guid lawyer)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT d.id, p.contact_id FROM dossiers d
            JOIN dossier_teams dt ON dt.dossier_id = d.id JOIN team_members m ON m.team_id = dt.team_id AND m.user_id = @lawyer
            JOIN dossier_parties p ON p.dossier_id = d.id AND p.role = 'Client'
            WHERE d.tenant_id = @firm AND d.status = 'Open' ORDER BY d.number LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("firm", firm);
        command.Parameters.AddWithValue("lawyer", lawyer);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetGuid(0), reader.GetGuid(1));
    }

    private static async Task<List<Guid>> ContactsWithCommunicationsAsync(string connectionString, Guid firm)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT contact_id FROM communications WHERE tenant_id = @firm AND contact_id IS NOT NULL GROUP BY contact_id ORDER BY contact_id LIMIT 50", connection);
        command.Parameters.AddWithValue("firm", firm);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
