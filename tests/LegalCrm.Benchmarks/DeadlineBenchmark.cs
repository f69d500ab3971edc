using System.Diagnostics;
using LegalCrm.TestSupport;
using LegalCrm.Web.Features.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LegalCrm.Benchmarks;

/// <summary>
/// Issue 6's benchmark: the dossier benchmark's firm plus 200,000 open deadlines (one in twenty with a reminder due now)
/// and 300,000 tasks; the time of one reminder sweep (reminders and escalations) over all firms and of the overdue-task
/// digest; then the agenda, dashboard and deadline pages as the lawyer. Goals on this machine: sweep under 10 s, pages
/// p95 under 80 ms.
/// </summary>
public static class DeadlineBenchmark
{
    public const int Tasks = 300_000;

    public static async Task RunAsync(CrmAppFactory app, TestFirm firm, int deadlines, int requests)
    {
        var clock = Stopwatch.StartNew();
        const int dossiers = 50_000;
        await DossierGenerator.FillFirmAsync(app, firm, dossiers);
        await FillAsync(app.Database.AdminConnectionString, firm.Id, deadlines);
        await FillTasksAsync(app.Database.AdminConnectionString, firm.Id, Tasks);
        Console.WriteLine($"Generated {dossiers:N0} dossiers, {deadlines:N0} open deadlines and {Tasks:N0} tasks in {clock.Elapsed.TotalSeconds:F1} s");

        var due = await CountAsync(app.Database.AdminConnectionString, "SELECT count(*) FROM deadlines WHERE status = 'Open' AND next_reminder_at <= now()");
        var sweep = new DeadlineReminderSweep(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<DeadlineReminderSweep>.Instance);
        clock.Restart();
        await sweep.SweepAsync(CancellationToken.None);
        Console.WriteLine($"Reminder sweep over all firms: {due:N0} deadlines due, {clock.Elapsed.TotalSeconds:F2} s");
        clock.Restart();
        await sweep.SweepAsync(CancellationToken.None);
        Console.WriteLine($"Second sweep (nothing due): {clock.Elapsed.TotalMilliseconds:F0} ms");
        var digest = new Web.Features.Tasks.OverdueTaskDigest(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<Web.Features.Tasks.OverdueTaskDigest>.Instance);
        clock.Restart();
        await digest.SendAllAsync(CancellationToken.None);
        Console.WriteLine($"Overdue task digest over all firms: {clock.Elapsed.TotalSeconds:F2} s");

        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        var dossier = await LawyersDossierAsync(app.Database.AdminConnectionString, firm.Id, firm.Lawyer.Id);
        await Measure.ScenariosAsync(requests,
        [
            ("dashboard", _ => Measure.FetchAsync(lawyer, "/")),
            ("agenda: week", _ => Measure.FetchAsync(lawyer, "/Agenda")),
            ("agenda: month", _ => Measure.FetchAsync(lawyer, "/Agenda?view=month")),
            ("agenda: list (4 weeks)", _ => Measure.FetchAsync(lawyer, "/Agenda?view=list")),
            ("tasks: mine", _ => Measure.FetchAsync(lawyer, "/Tasks")),
            ("deadlines: mine, open, soonest first", _ => Measure.FetchAsync(lawyer, "/Deadlines")),
            ("deadlines: all I may see, page 10", _ => Measure.FetchAsync(lawyer, "/Deadlines?scope=all&p=10")),
            ("deadlines: fatal within 14 days", _ => Measure.FetchAsync(lawyer, "/Deadlines?scope=all&kind=Fatal&within=14")),
            ("dossier page with its deadlines", _ => Measure.FetchAsync(lawyer, $"/Dossiers/{dossier}")),
            ("notifications", _ => Measure.FetchAsync(lawyer, "/Notifications")),
        ]);
    }

    /// <summary>Open deadlines over the firm's dossiers, due from a month ago to a year ahead; one in twenty has a reminder due now.</summary>
    private static async Task FillAsync(string ownerConnectionString, Guid firm, int count)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            WITH ds AS (SELECT id, responsible_lawyer_id, row_number() OVER (ORDER BY id) - 1 AS n FROM dossiers WHERE tenant_id = @firm),
                 total AS (SELECT count(*) AS c FROM ds)
            INSERT INTO deadlines (id, tenant_id, dossier_id, title, due_date, kind, status, responsible_user_ids, reminder_days,
                                   next_reminder_at, created_at, created_by, updated_at)
            SELECT gen_random_uuid(), @firm, ds.id, 'Termijn ' || g, current_date + (g % 395)::int - 30,
                   CASE WHEN g % 3 = 0 THEN 'Fatal' ELSE 'Internal' END, 'Open', ARRAY[ds.responsible_lawyer_id], ARRAY[14, 7, 3, 1],
                   CASE WHEN g % 20 = 0 THEN now() - interval '1 minute' ELSE now() + (g % 300) * interval '1 day' END,
                   now(), 'benchmark', now()
            FROM generate_series(0, @count - 1) g CROSS JOIN total JOIN ds ON ds.n = g % total.c;
            """, connection) { CommandTimeout = 600 };
        insert.Parameters.AddWithValue("firm", firm);
        insert.Parameters.AddWithValue("count", count);
        await insert.ExecuteNonQueryAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE deadlines", connection) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Tasks over the lawyers of the dossiers: four in five in a dossier, due from two months ago to ten months ahead;
    /// those due more than a month ago mostly done.
    /// </summary>
    private static async Task FillTasksAsync(string ownerConnectionString, Guid firm, int count)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            WITH ds AS (SELECT id, responsible_lawyer_id, row_number() OVER (ORDER BY id) - 1 AS n FROM dossiers WHERE tenant_id = @firm),
                 total AS (SELECT count(*) AS c FROM ds),
                 t AS (SELECT g, current_date + (g % 365)::int - 60 AS due, (current_date + (g % 365)::int - 60 < current_date - 30 AND g % 5 <> 0) AS done
                       FROM generate_series(0, @count - 1) g)
            INSERT INTO tasks (id, tenant_id, title, assignee_user_id, due_date, priority, status, dossier_id, created_at, created_by, updated_at,
                               completed_at, completed_by)
            SELECT gen_random_uuid(), @firm, 'Taak ' || t.g, ds.responsible_lawyer_id, t.due, 'Normal',
                   CASE WHEN t.done THEN 'Done' ELSE 'Open' END,
                   CASE WHEN t.g % 5 = 0 THEN NULL ELSE ds.id END, now(), 'benchmark', now(),
                   CASE WHEN t.done THEN now() END, CASE WHEN t.done THEN 'benchmark' END
            FROM t CROSS JOIN total JOIN ds ON ds.n = (t.g * 7) % total.c;
            """, connection) { CommandTimeout = 600 };
        insert.Parameters.AddWithValue("firm", firm);
        insert.Parameters.AddWithValue("count", count);
        await insert.ExecuteNonQueryAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE tasks", connection) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(string ownerConnectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Guid> LawyersDossierAsync(string ownerConnectionString, Guid firm, Guid lawyer)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT d.dossier_id FROM deadlines d JOIN dossiers x ON x.id = d.dossier_id WHERE d.tenant_id = @firm AND x.status = 'Open' AND x.responsible_lawyer_id = @lawyer LIMIT 1", connection);
        command.Parameters.AddWithValue("firm", firm);
        command.Parameters.AddWithValue("lawyer", lawyer);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
