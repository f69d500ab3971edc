using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Communications;
using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Tasks;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Agenda;

public sealed class AgendaTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private Guid _dossier;
    private Guid _walledDossier;
    private DateOnly _today;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Agenda");
        _today = AmsterdamTime.Today(TimeProvider.System);
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Bakkerij Oost" });
        var clientId = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        _dossier = await NewDossierAsync(lawyer, clientId, "Huurgeschil bakkerij");
        _walledDossier = await NewDossierAsync(lawyer, clientId, "Overname concurrent");

        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = DateTimeOffset.UtcNow;
        Deadline Deadline(string title, Guid dossier, int inDays, DeadlineKind kind = DeadlineKind.Fatal) => new()
        {
            DossierId = dossier,
            Title = title,
            DueDate = _today.AddDays(inDays),
            Kind = kind,
            ResponsibleUserIds = [_firm.Lawyer.Id],
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = "test",
        };
        db.Deadlines.AddRange(Deadline("Memorie van antwoord", _dossier, 2), Deadline("Geheime termijn", _walledDossier, 2), Deadline("Over twee maanden", _dossier, 60));
        db.WorkTasks.Add(new WorkTask { Title = "Huurcontract opvragen", AssigneeUserId = _firm.Lawyer.Id, DueDate = _today.AddDays(1), DossierId = _dossier, CreatedAt = now, UpdatedAt = now, CreatedBy = "test" });
        db.Communications.Add(new Communication
        {
            Kind = CommunicationKind.Meeting,
            Direction = CommunicationDirection.Internal,
            OccurredAt = AmsterdamTime.FromLocal(_today.AddDays(1).ToDateTime(new TimeOnly(14, 0))),
            DurationMinutes = 60,
            Subject = "Bespreking met de bakker",
            Location = "Kantoor",
            DossierId = _dossier,
            AuthorName = "test",
            UpdatedBy = "test",
            CreatedAt = now,
            UpdatedAt = now,
            Participants = [new CommunicationParticipant { UserId = _firm.Lawyer.Id, Name = "Advocaat", Role = ParticipantRole.Attendee }],
        });
        // The lawyer is responsible on paper, but a wall now keeps them out of the second dossier.
        db.EthicalWalls.Add(new EthicalWall { UserId = _firm.Lawyer.Id, DossierId = _walledDossier, Reason = "Belangenconflict", CreatedAt = now, CreatedBy = "test" });
        await db.SaveChangesAsync();
    }

    private static async Task<Guid> NewDossierAsync(CrmClient lawyer, Guid clientId, string title)
    {
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = title });
        return Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_agenda_and_dashboard_show_my_deadlines_tasks_and_meetings_but_nothing_behind_a_wall()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var page = await lawyer.GetDocumentAsync($"/Agenda?view=list&date={_today:yyyy-MM-dd}");

        var items = page.QuerySelectorAll("[data-testid=agenda-item]").Select(i => i.TextContent).ToList();
        Assert.Contains(items, i => i.Contains("Memorie van antwoord", StringComparison.Ordinal) && i.Contains("Fataal", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("Huurcontract opvragen", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("14:00", StringComparison.Ordinal) && i.Contains("Bespreking met de bakker", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Contains("Geheime termijn", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Contains("Over twee maanden", StringComparison.Ordinal));

        var dashboard = (await lawyer.GetDocumentAsync("/")).QuerySelector("[data-testid=deadline-widgets]")!.TextContent;
        Assert.Contains("Memorie van antwoord", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime termijn", dashboard, StringComparison.Ordinal);
        var mine = (await lawyer.GetDocumentAsync("/Deadlines")).QuerySelector("[data-testid=deadlines]")!.TextContent;
        Assert.Contains("Memorie van antwoord", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime termijn", mine, StringComparison.Ordinal);

        var month = await lawyer.GetDocumentAsync($"/Agenda?view=month&date={_today.AddDays(60):yyyy-MM-dd}");
        Assert.Contains("Over twee maanden", month.QuerySelector("[data-testid=agenda-grid]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_firm_sees_an_empty_agenda_and_cannot_open_this_firms_team_agenda()
    {
        Guid team;
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var created = new Team { Name = "Sectie huurrecht", CreatedAt = DateTimeOffset.UtcNow, Members = [new TeamMember { UserId = _firm.Lawyer.Id }] };
            db.Teams.Add(created);
            await db.SaveChangesAsync();
            team = created.Id;
        }

        var other = await app.CreateFirmAsync("Ander kantoor agenda");
        using var stranger = await app.SignedInAsync(other.Lawyer);

        Assert.NotNull((await stranger.GetDocumentAsync("/Agenda?view=list")).QuerySelector("[data-testid=agenda-empty]"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(new Uri($"/Agenda?team={team}", UriKind.Relative))).StatusCode);
        using var assistant = await app.SignedInAsync(_firm.Users[BuiltInRoles.Assistant]);
        var teamAgenda = await assistant.GetDocumentAsync($"/Agenda?view=list&team={team}");
        // The assistant is not in the dossier's team: the team agenda shows nothing of it.
        Assert.DoesNotContain("Memorie van antwoord", teamAgenda.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_feed_holds_only_what_its_owner_may_see_and_stops_when_revoked()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        await lawyer.SubmitAsync("/Agenda/Feed", new Dictionary<string, string>(), "Create");
        var address = (await lawyer.GetDocumentAsync("/Agenda/Feed")).QuerySelector("[data-testid=feed-address]")!.GetAttribute("value")!;
        var path = new Uri(address).AbsolutePath;
        Assert.Null((await lawyer.GetDocumentAsync("/Agenda/Feed")).QuerySelector("[data-testid=feed-address]"));
        using var outlook = app.Anonymous();

        var feed = await outlook.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains("Memorie van antwoord", ics, StringComparison.Ordinal);
        Assert.Contains("Bespreking met de bakker", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime termijn", ics, StringComparison.Ordinal);

        await lawyer.SubmitAsync("/Agenda/Feed", new Dictionary<string, string>(), "Options", [new("TitlesHidden", "true")]);
        var hidden = await outlook.Http.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.DoesNotContain("Memorie van antwoord", hidden, StringComparison.Ordinal);
        Assert.Contains("Fatale termijn", hidden, StringComparison.Ordinal);

        var tampered = path[..^8] + (path[^8] == 'A' ? 'B' : 'A') + path[^7..];
        Assert.Equal(HttpStatusCode.NotFound, (await outlook.Http.GetAsync(new Uri(tampered, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outlook.Http.GetAsync(new Uri("/calendar/" + Guid.NewGuid().ToString("N") + new string('A', 43) + ".ics", UriKind.Relative))).StatusCode);

        await lawyer.SubmitAsync("/Agenda/Feed", new Dictionary<string, string>(), "Create");
        Assert.Equal(HttpStatusCode.NotFound, (await outlook.Http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        var second = new Uri((await lawyer.GetDocumentAsync("/Agenda/Feed")).QuerySelector("[data-testid=feed-address]")!.GetAttribute("value")!).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await outlook.Http.GetAsync(new Uri(second, UriKind.Relative))).StatusCode);

        await lawyer.SubmitAsync("/Agenda/Feed", new Dictionary<string, string>(), "Stop");
        Assert.Equal(HttpStatusCode.NotFound, (await outlook.Http.GetAsync(new Uri(second, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_disabled_users_feed_answers_nothing()
    {
        var leaver = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "vertrekker");
        using var user = await app.SignedInAsync(leaver);
        await user.SubmitAsync("/Agenda/Feed", new Dictionary<string, string>(), "Create");
        var path = new Uri((await user.GetDocumentAsync("/Agenda/Feed")).QuerySelector("[data-testid=feed-address]")!.GetAttribute("value")!).AbsolutePath;
        using var outlook = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await outlook.Http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);

        using var admin = await app.SignedInAsync(_firm.Admin);
        await admin.SubmitAsync($"/Access/Users/{leaver.Id}", new Dictionary<string, string>(), "Disable");

        Assert.Equal(HttpStatusCode.NotFound, (await outlook.Http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }
}
