using System.Diagnostics;
using LegalCrm.TestSupport;
using LegalCrm.Web.Features.Access;
using Npgsql;

namespace LegalCrm.Benchmarks.Load;

/// <summary>How much one firm holds; the other firms beside it hold a fiftieth each.</summary>
public sealed record DataSize(
    string Name, int Contacts, int Dossiers, int Communications, int Deadlines, int Tasks, int AuditRows, int Lawyers, int Assistants, int OtherFirms)
{
    /// <summary>A large office after years of use (issue 9): the size the targets are set for.</summary>
    public static readonly DataSize Large = new("large", 100_000, 50_000, 1_000_000, 200_000, 300_000, 2_000_000, 38, 6, 20);

    /// <summary>Seconds to build: what CI drives so the harness cannot rot.</summary>
    public static readonly DataSize Small = new("small", 400, 200, 4_000, 800, 1_200, 8_000, 6, 2, 2);

    /// <summary>The size of that name, or null.</summary>
    public static DataSize? Find(string name) => name switch
    {
        "large" => Large,
        "small" => Small,
        _ => null,
    };

    /// <summary>Parties: four per dossier (client, opposing party, opposing counsel, third party).</summary>
    public int Parties => Dossiers * 4;

    public DataSize OtherFirm => new(Name + "/50", Math.Max(8, Contacts / 50), Math.Max(4, Dossiers / 50), Communications / 50, Deadlines / 50, Tasks / 50,
        AuditRows / 50, Math.Max(1, Lawyers / 10), 1, 0);
}

/// <summary>A generated firm's accounts that the load signs in as (password <see cref="CrmAppFactory.Password"/>).</summary>
public sealed record GeneratedFirm(Guid Id, string Name, IReadOnlyList<TestUser> LoadUsers);

/// <summary>
/// Fills a database with one firm of the chosen <see cref="DataSize"/> and smaller firms beside it (so every query runs
/// among other firms' rows, as in production). Accounts go through the app's own provisioning (real password hashes);
/// contacts are built with Dutch names, addresses and numbers and sent with binary COPY; rows derived from other rows
/// (parties, communications, deadlines, tasks) are computed inside PostgreSQL from them (INSERT … SELECT), which ships
/// nothing over the wire, into tables whose secondary indexes are built afterwards; the audit trail is sent with COPY
/// already sealed into each firm's hash chain (<see cref="SealedAuditGenerator"/>). Then the database is vacuumed and
/// analysed, as autovacuum would have done, so a benchmark starts from a steady state.
/// </summary>
public static class BenchmarkData
{
    public const string LargeFirmName = "Advocatenkantoor De Groot & Partners";

    /// <summary>The tables filled after the caseload, which no generator step reads back: loaded without their indexes.</summary>
    private static readonly string[] BulkTables = ["communications", "communication_participants", "deadlines", "tasks", "audit_entries"];

    public static async Task<GeneratedFirm> GenerateAsync(CrmAppFactory app, DataSize size, TextWriter log)
    {
        var owner = app.Database.AdminConnectionString;
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        void Step(string what)
        {
            log.WriteLine($"  {what}: {clock.Elapsed.TotalSeconds:F1} s");
            clock.Restart();
        }

        // Accounts, contacts and the caseload of every firm first: the later steps look them up.
        var firms = new List<(TestFirm Firm, GeneratedFirm Generated, DataSize Size)> { await CaseloadAsync(app, LargeFirmName, size, seed: 1) };
        Step($"{LargeFirmName}: accounts, {size.Contacts:N0} contacts (COPY), {size.Dossiers:N0} dossiers with {size.Parties:N0} parties");
        for (var i = 0; i < size.OtherFirms; i++)
        {
            firms.Add(await CaseloadAsync(app, $"Kantoor {i + 1:00}", size.OtherFirm, seed: i + 2));
        }

        Step($"{size.OtherFirms} other firms' accounts, contacts and caseloads ({size.OtherFirm.Name} each)");

        // Then the bulk: as a bulk load is done in PostgreSQL, without the secondary indexes of the tables it fills,
        // built afresh afterwards (far cheaper than keeping a full-text GIN index current row by row); on two
        // connections, so both cores work: each takes half of the large firm's correspondence, then the rest.
        var chains = new Dictionary<Guid, SealedAuditGenerator.ChainStart>();
        foreach (var (firm, _, _) in firms)
        {
            chains[firm.Id] = await SealedAuditGenerator.StartAsync(app, owner, firm.Id);
        }

        var indexes = await DropSecondaryIndexesAsync(owner, BulkTables);
        var large = firms[0];
        // And without row-by-row triggers and foreign-key checks (the generators write consistent rows, and the
        // participants' copied columns themselves): what pg_restore does too.
        var bulk = new NpgsqlConnectionStringBuilder(owner) { Options = "-c session_replication_role=replica" }.ConnectionString;
        await SetAutovacuumAsync(owner, BulkTables, enabled: false);
        // The work in pieces, largest first, taken by two connections as each is free (both cores busy to the end):
        // the large firm's correspondence in two halves, its deadlines, tasks and audit trail, then each other firm.
        var work = new List<(string What, Func<Task> Run)>
        {
            ("correspondence 1/2", () => CommunicationsAsync(bulk, large.Firm, large.Size, part: 0, parts: 2)),
            ("correspondence 2/2", () => CommunicationsAsync(bulk, large.Firm, large.Size, part: 1, parts: 2)),
            ("audit trail", () => SealedAuditGenerator.FillAsync(bulk, chains[large.Firm.Id], large.Size.AuditRows)),
            ("tasks", () => WorkloadGenerator.FillTasksAsync(bulk, large.Firm.Id, large.Size.Tasks, vacuum: false)),
            // No reminder storm waiting: a run measures pages, not a backlog of 10,000 reminder e-mails.
            ("deadlines", () => WorkloadGenerator.FillDeadlinesAsync(bulk, large.Firm.Id, large.Size.Deadlines, vacuum: false, remindersDue: false)),
        };
        work.AddRange(firms.Skip(1).Select(f => ($"{f.Firm.Name}", (Func<Task>)(async () =>
        {
            await CommunicationsAsync(bulk, f.Firm, f.Size, part: 0, parts: 1);
            await WorkloadGenerator.FillDeadlinesAsync(bulk, f.Firm.Id, f.Size.Deadlines, vacuum: false, remindersDue: false);
            await WorkloadGenerator.FillTasksAsync(bulk, f.Firm.Id, f.Size.Tasks, vacuum: false);
            await SealedAuditGenerator.FillAsync(bulk, chains[f.Firm.Id], f.Size.AuditRows);
        }))));
        var queue = new System.Collections.Concurrent.ConcurrentQueue<(string What, Func<Task> Run)>(work);
        var timings = new System.Collections.Concurrent.ConcurrentDictionary<string, double>();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var piece))
            {
                var started = Stopwatch.StartNew();
                await piece.Run();
                timings[piece.What] = started.Elapsed.TotalSeconds;
            }
        })));
        await SetAutovacuumAsync(owner, BulkTables, enabled: true);
        Step($"{size.Communications:N0} communications with participants, {size.Deadlines:N0} deadlines, {size.Tasks:N0} tasks, {size.AuditRows:N0} audit rows (and the other firms')");
        log.WriteLine($"    on two connections: {string.Join(", ", work.Take(5).Select(w => $"{w.What} {timings[w.What]:F0} s"))}, " +
                      $"the other firms {work.Skip(5).Sum(w => timings[w.What]):F0} s together");
        await RecreateIndexesAsync(owner, indexes);
        Step($"{indexes.Count} indexes built");


        await LoadCommands.ExecuteAsync(owner, "VACUUM ANALYZE");
        Step("VACUUM ANALYZE");
        log.WriteLine($"Generated in {total.Elapsed.TotalSeconds:F0} s");
        return firms[0].Generated;
    }

    private static async Task<(TestFirm, GeneratedFirm, DataSize)> CaseloadAsync(CrmAppFactory app, string name, DataSize size, int seed)
    {
        var owner = app.Database.AdminConnectionString;
        var firm = await app.CreateFirmAsync(name);
        var lawyers = new List<TestUser> { firm.Lawyer };
        for (var i = 0; i < size.Lawyers; i++)
        {
            lawyers.Add(await app.AddUserAsync(firm, BuiltInRoles.Lawyer, $"advocaat{i}"));
        }

        var assistants = new List<TestUser> { firm.Users[BuiltInRoles.Assistant] };
        for (var i = 0; i < size.Assistants; i++)
        {
            assistants.Add(await app.AddUserAsync(firm, BuiltInRoles.Assistant, $"secretaresse{i}"));
        }

        await ContactGenerator.FillAsync(owner, firm.Id, size.Contacts, seed: 20261127 + seed, vacuum: false);
        await DossierGenerator.FillAsync(owner, firm.Id, [.. lawyers.Select(l => l.Id), firm.Admin.Id], firm.Lawyer.Id, size.Dossiers, vacuum: false);
        var readOnly = firm.Users[BuiltInRoles.ReadOnly];
        await JoinTeamsAsync(owner, firm.Id, [.. assistants.Select(a => a.Id), readOnly.Id]);
        return (firm, new GeneratedFirm(firm.Id, name, [.. lawyers.Take(5), .. assistants.Take(2), readOnly]), size);
    }

    private static async Task CommunicationsAsync(string owner, TestFirm firm, DataSize size, int part, int parts)
    {
        var busiest = await BusiestDossierAsync(owner, firm.Id, firm.Lawyer.Id);
        await CommunicationGenerator.FillAsync(owner, firm.Id, busiest, firm.Lawyer.Id, size.Communications, Math.Min(5_000, size.Communications / 10),
            vacuum: false, part, parts);
    }

    /// <summary>Drops the tables' indexes that back no constraint; returns their definitions to build them again.</summary>
    private static async Task<List<string>> DropSecondaryIndexesAsync(string owner, string[] tables)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        var definitions = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
                         """
                         SELECT i.indexname, i.indexdef FROM pg_indexes i
                         WHERE i.schemaname = 'public' AND i.tablename = ANY(@tables)
                           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
                         """, connection))
        {
            command.Parameters.AddWithValue("tables", tables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                definitions.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in definitions)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX {Web.Data.DatabaseProvisioner.QuoteIdentifier(name)}", connection);
            await drop.ExecuteNonQueryAsync();
        }

        return [.. definitions.Select(d => d.Definition)];
    }

    /// <summary>Builds the indexes again, two at a time (one per core), with room to sort in memory.</summary>
    private static async Task RecreateIndexesAsync(string owner, List<string> definitions)
    {
        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(definitions.OrderByDescending(d => d.Contains("USING gin", StringComparison.Ordinal)));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(owner);
            await connection.OpenAsync();
            await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '512MB'", connection))
            {
                await memory.ExecuteNonQueryAsync();
            }

            while (queue.TryDequeue(out var definition))
            {
                await using var create = new NpgsqlCommand(definition, connection) { CommandTimeout = 3600 };
                await create.ExecuteNonQueryAsync();
            }
        })));
    }

    /// <summary>Autovacuum would chase the load row by row; the VACUUM ANALYZE at the end does its work once.</summary>
    private static Task SetAutovacuumAsync(string owner, string[] tables, bool enabled) =>
        LoadCommands.ExecuteAsync(owner, string.Join(";", tables.Select(t => $"ALTER TABLE {t} SET (autovacuum_enabled = {(enabled ? "true" : "false")})")));

    /// <summary>Assistants and readers see dossiers through teams: each joins five of the thirty.</summary>
    private static async Task JoinTeamsAsync(string owner, Guid firm, Guid[] users)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO team_members (id, tenant_id, team_id, user_id)
            SELECT gen_random_uuid(), @firm, t.id, u.user_id
            FROM unnest(@users) WITH ORDINALITY AS u(user_id, n)
            JOIN (SELECT id, row_number() OVER (ORDER BY name) AS k FROM teams WHERE tenant_id = @firm) t ON (t.k + u.n) % 6 = 0
            ON CONFLICT DO NOTHING
            """, connection);
        command.Parameters.AddWithValue("firm", firm);
        command.Parameters.AddWithValue("users", users);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>An open dossier of the lawyer's: the one with years of correspondence.</summary>
    private static async Task<Guid> BusiestDossierAsync(string owner, Guid firm, Guid lawyer)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id FROM dossiers WHERE tenant_id = @firm AND responsible_lawyer_id = @lawyer AND status = 'Open' ORDER BY number LIMIT 1", connection);
        command.Parameters.AddWithValue("firm", firm);
        command.Parameters.AddWithValue("lawyer", lawyer);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
