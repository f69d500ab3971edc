using System.Net;
using Hangfire;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LegalCrm.IntegrationTests.Infrastructure;

/// <summary>Two app instances on one database, no sticky sessions (docs/scaling.md): a browser may reach either.</summary>
public sealed class ScaleOutTests(CrmAppFactory first) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task A_session_from_one_instance_is_recognised_by_the_other_and_ending_it_there_ends_it_everywhere()
    {
        var firm = await first.CreateFirmAsync("Twee servers");
        var documents = Path.Combine(Path.GetTempPath(), "legalcrm-second-" + Guid.NewGuid().ToString("N"));
        await using var second = new AppOnDatabase(first.Database, documents, first.KeyEncryptionKey);
        await second.InitializeAsync();

        // One browser (one cookie jar), its requests landing on either instance.
        var browser = new CookieContainer();
        using var onFirst = new CrmClient(first.CreateDefaultClient(new CookieContainerHandler(browser)));
        using var onSecond = new CrmClient(second.CreateDefaultClient(new CookieContainerHandler(browser)));
        var signedIn = await onFirst.SignInAsync(firm.Lawyer.Email, CrmAppFactory.Password);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/Dossiers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/Dossiers")).StatusCode);

        // The administrator, on the second instance, signs the lawyer out everywhere: the first instance refuses the cookie.
        using var admin = await second.SignedInAsync(firm.Admin);
        var ended = await admin.SubmitAsync($"/Access/Users/{firm.Lawyer.Id}", new Dictionary<string, string>(), "EndSessions");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var refused = await onFirst.GetAsync("/Dossiers");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_enqueued_on_one_instance_run_exactly_once_while_both_instances_take_work()
    {
        await using var second = await SecondInstanceAsync();
        _ = second.Services; // starts its job server beside the first one's

        var client = first.Services.GetRequiredService<IBackgroundJobClient>();
        var jobs = Enumerable.Range(0, 40).Select(_ => client.Enqueue<OutboxDispatcher>(d => d.SweepAsync(CancellationToken.None))).ToList();

        await using var connection = new NpgsqlConnection(first.Database.AdminConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ScalarAsync(connection, "SELECT count(*) FROM hangfire.job WHERE id = ANY(@ids) AND statename = 'Succeeded'", jobs) < jobs.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, "The jobs did not all finish within a minute.");
            await Task.Delay(200);
        }

        // Hangfire's own history: each job was taken by one worker once, never by two.
        Assert.Equal(jobs.Count, await ScalarAsync(connection, "SELECT count(*) FROM hangfire.state WHERE jobid = ANY(@ids) AND name = 'Processing'", jobs));
        Assert.Equal(jobs.Count, await ScalarAsync(connection, "SELECT count(DISTINCT jobid) FROM hangfire.state WHERE jobid = ANY(@ids) AND name = 'Processing'", jobs));
        Assert.Equal(jobs.Count, await ScalarAsync(connection, "SELECT count(*) FROM hangfire.state WHERE jobid = ANY(@ids) AND name = 'Succeeded'", jobs));
        // Two servers were registered and polling the same queue.
        Assert.True(await ScalarAsync(connection, "SELECT count(*) FROM hangfire.server", []) >= 2);
    }

    [Fact]
    public async Task A_reminder_raised_on_both_instances_at_once_reaches_each_responsible_person_once_whichever_instance_they_use()
    {
        var firm = await first.CreateFirmAsync("Twee servers herinnering");
        var assistant = firm.Users[BuiltInRoles.Assistant];
        using var lawyer = await first.SignedInAsync(firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Scheepswerf Zuid" });
        var clientId = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = "Levering casco" });
        var dossierId = Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
        var now = DateTimeOffset.UtcNow;
        await using (var scope = first.FirmScope(firm.Id))
        {
            var deadline = new Deadline
            {
                DossierId = dossierId,
                Title = "Memorie van grieven",
                // Far enough ahead not to escalate on any day of the year; the 10-day reminder is due now.
                DueDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(8),
                Kind = DeadlineKind.Fatal,
                ResponsibleUserIds = [firm.Lawyer.Id, assistant.Id],
                ReminderDays = [10],
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = "test",
            };
            deadline.PlanReminders(now);
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Deadlines.Add(deadline);
            await db.SaveChangesAsync();
        }

        await using var second = await SecondInstanceAsync();
        static DeadlineReminderSweep SweepOn(CrmAppFactory instance) =>
            new(instance.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<DeadlineReminderSweep>.Instance);
        await Task.WhenAll(SweepOn(first).SweepAsync(CancellationToken.None), SweepOn(second).SweepAsync(CancellationToken.None));

        // The lawyer now works on the second instance, the assistant on the first: both see the reminder under the bell, once.
        using var lawyerOnSecond = await second.SignedInAsync(firm.Lawyer);
        using var assistantOnFirst = await first.SignedInAsync(assistant);
        foreach (var person in new[] { lawyerOnSecond, assistantOnFirst })
        {
            Assert.Equal("1", (await person.GetDocumentAsync("/")).QuerySelector("[data-testid=unread-count]")!.TextContent.Trim());
            Assert.Contains("Memorie van grieven", (await person.GetDocumentAsync("/Notifications")).QuerySelector("[data-testid=notifications]")!.TextContent, StringComparison.Ordinal);
        }
    }

    private async Task<AppOnDatabase> SecondInstanceAsync()
    {
        var second = new AppOnDatabase(first.Database, Path.Combine(Path.GetTempPath(), "legalcrm-second-" + Guid.NewGuid().ToString("N")), first.KeyEncryptionKey);
        await second.InitializeAsync();
        return second;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, List<string> ids)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids.Select(long.Parse).ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
