using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Deadlines;

public sealed class TaskTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private Guid _dossier;
    private Guid _team;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Taken");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Drukkerij Zuid" });
        var clientId = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = "Levering drukpers" });
        _dossier = Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var team = new Team { Name = "Sectie handelsrecht", CreatedAt = DateTimeOffset.UtcNow, Members = [new TeamMember { UserId = _firm.Users[BuiltInRoles.Assistant].Id }] };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        _team = team.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<WorkTask> SingleTaskAsync(string title)
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().WorkTasks.AsNoTracking().SingleAsync(t => t.Title == title);
    }

    [Fact]
    public async Task A_task_for_a_team_shows_under_the_team_members_team_tasks_and_completing_it_records_who()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var notInTeam = await CrmClient.ParseAsync(await lawyer.SubmitAsync($"/Tasks/Edit?dossier={_dossier}", new Dictionary<string, string>
        {
            ["Input.Title"] = "Voor een team buiten het dossier",
            ["Input.Assignee"] = "team:" + _team,
        }));
        Assert.Contains("Kies een collega of een team.", notInTeam.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await lawyer.SubmitAsync($"/Dossiers/{_dossier}", new Dictionary<string, string> { ["teamId"] = _team.ToString() }, "AddTeam");

        var added = await lawyer.SubmitAsync($"/Tasks/Edit?dossier={_dossier}", new Dictionary<string, string>
        {
            ["Input.Title"] = "Leveringsvoorwaarden opvragen",
            ["Input.Assignee"] = "team:" + _team,
            ["Input.DueDate"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Priority"] = "High",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var task = await SingleTaskAsync("Leveringsvoorwaarden opvragen");
        Assert.Equal((null, _team), (task.AssigneeUserId, task.AssigneeTeamId));
        Assert.Contains("Leveringsvoorwaarden opvragen", (await lawyer.GetDocumentAsync($"/Dossiers/{_dossier}")).QuerySelector("[data-testid=open-tasks]")!.TextContent, StringComparison.Ordinal);

        using var assistant = await app.SignedInAsync(_firm.Users[BuiltInRoles.Assistant]);
        var teamTasks = await assistant.GetDocumentAsync("/Tasks?scope=team");
        var row = teamTasks.QuerySelector("[data-testid=tasks] tbody tr")!;
        Assert.Contains("Leveringsvoorwaarden opvragen", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("overdue", row.ClassName, StringComparison.Ordinal);
        Assert.Null((await assistant.GetDocumentAsync("/Tasks")).QuerySelector("[data-testid=tasks]"));

        // Someone outside the dossier's team sees neither the task nor its dossier.
        var outsider = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "buiten");
        using (var other = await app.SignedInAsync(outsider))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Tasks/{task.Id}")).StatusCode);
            Assert.DoesNotContain("Leveringsvoorwaarden", (await other.GetDocumentAsync("/Tasks?scope=all")).Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await assistant.SubmitAsync($"/Tasks/{task.Id}", new Dictionary<string, string> { ["text"] = "Gebeld, volgt morgen" }, "Comment")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await assistant.SubmitAsync($"/Tasks/{task.Id}", new Dictionary<string, string>(), "Complete")).StatusCode);

        var done = await SingleTaskAsync("Leveringsvoorwaarden opvragen");
        Assert.Equal(WorkTaskStatus.Done, done.Status);
        Assert.NotNull(done.CompletedAt);
        Assert.Contains("Gebeld, volgt morgen", (await lawyer.GetDocumentAsync($"/Tasks/{task.Id}")).QuerySelector("[data-testid=task-comments]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leavers_open_tasks_are_handed_over_at_once_and_nothing_without_a_title_is_saved()
    {
        var leaver = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "vertrekker");
        using var admin = await app.SignedInAsync(_firm.Admin);
        foreach (var title in new[] { "Archief ordenen", "Klant terugbellen" })
        {
            await admin.SubmitAsync("/Tasks/Edit", new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Assignee"] = "user:" + leaver.Id });
        }

        var refused = await CrmClient.ParseAsync(await admin.SubmitAsync("/Tasks/Edit", new Dictionary<string, string> { ["Input.Title"] = " ", ["Input.Assignee"] = "user:" + leaver.Id }));
        Assert.Contains("Vul in wat er moet gebeuren.", refused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var list = await admin.GetDocumentAsync($"/Tasks?scope=all&for={leaver.Id}");
        var ids = list.QuerySelectorAll<IHtmlInputElement>("input[name=ids]").Select(i => i.Value).ToList();
        Assert.Equal(2, ids.Count);
        var form = list.QuerySelector("[data-testid=tasks]")!.Closest("form") as IHtmlFormElement;
        var handedOver = await admin.PostFormAsync(form!, $"/Tasks?scope=all&for={leaver.Id}", new Dictionary<string, string> { ["to"] = _firm.Lawyer.Id.ToString() },
            ids.Select(id => new KeyValuePair<string, string>("ids", id)));

        Assert.Equal(HttpStatusCode.Redirect, handedOver.StatusCode);
        Assert.Equal(_firm.Lawyer.Id, (await SingleTaskAsync("Archief ordenen")).AssigneeUserId);
        Assert.Equal(_firm.Lawyer.Id, (await SingleTaskAsync("Klant terugbellen")).AssigneeUserId);
        await using var scope = app.FirmScope(_firm.Id);
        var updates = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(WorkTask) && a.Action == "update").ToListAsync();
        Assert.Equal(2, updates.Count(a => a.Changes!.Contains(_firm.Lawyer.Id.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_read_only_user_sees_tasks_but_cannot_add_one()
    {
        using var reader = await app.SignedInAsync(_firm.Users[BuiltInRoles.ReadOnly]);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/Tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/Tasks/Edit")).StatusCode);
    }

    [Fact]
    public async Task The_overdue_digest_goes_once_a_day_to_each_person_and_lists_only_what_they_may_see()
    {
        var assistant = _firm.Users[BuiltInRoles.Assistant];
        var today = new DateOnly(2026, 11, 25);
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            WorkTask Task(string title, Guid? user, Guid? team, int dueIn, Guid? dossier = null) => new()
            {
                Title = title,
                AssigneeUserId = user,
                AssigneeTeamId = team,
                DueDate = today.AddDays(dueIn),
                DossierId = dossier,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                CreatedBy = "test",
            };
            db.WorkTasks.AddRange(
                Task("Conclusie nakijken", _firm.Lawyer.Id, null, -2),
                Task("Pas volgende week", _firm.Lawyer.Id, null, 5),
                Task("Stukken ordenen", null, _team, -1),
                // The team is not in this dossier's team: its members may not see the dossier, so not this task either.
                Task("Geheim dossierwerk", null, _team, -3, _dossier));
            await db.SaveChangesAsync();
        }

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 6, 30, 0, TimeSpan.Zero));
        OverdueTaskDigest Digest() => new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<OverdueTaskDigest>.Instance);
        await Task.WhenAll(Digest().SendForFirmAsync(_firm.Id, CancellationToken.None), Digest().SendForFirmAsync(_firm.Id, CancellationToken.None));
        await Digest().SendForFirmAsync(_firm.Id, CancellationToken.None);

        var lawyerMail = await DigestMailsAsync(_firm.Lawyer.Email);
        var assistantMail = await DigestMailsAsync(assistant.Email);
        Assert.Single(lawyerMail);
        Assert.Contains("Conclusie nakijken", lawyerMail[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Pas volgende week", lawyerMail[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Stukken ordenen", lawyerMail[0], StringComparison.Ordinal);
        Assert.Single(assistantMail);
        Assert.Contains("Stukken ordenen", assistantMail[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim dossierwerk", assistantMail[0], StringComparison.Ordinal);
        using (var lawyer = await app.SignedInAsync(_firm.Lawyer))
        {
            Assert.Contains("U hebt 1 verlopen taken.", (await lawyer.GetDocumentAsync("/Notifications")).QuerySelector("[data-testid=notifications]")!.TextContent, StringComparison.Ordinal);
        }

        clock.Advance(TimeSpan.FromDays(1));
        await Digest().SendForFirmAsync(_firm.Id, CancellationToken.None);
        Assert.Equal(2, (await DigestMailsAsync(_firm.Lawyer.Email)).Count);
    }

    private async Task<List<string>> DigestMailsAsync(string address)
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().OutboxMessages
            .Where(m => m.ToAddress == address && m.Subject.StartsWith("Verlopen taken"))
            .Select(m => m.TextBody ?? string.Empty).ToListAsync();
    }
}
