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
        await WorkloadGenerator.FillDeadlinesAsync(app.Database.AdminConnectionString, firm.Id, deadlines);
        await WorkloadGenerator.FillTasksAsync(app.Database.AdminConnectionString, firm.Id, Tasks);
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
