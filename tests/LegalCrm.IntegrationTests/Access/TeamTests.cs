using System.Net;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Access;

public sealed class TeamTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private Guid _client;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Teams");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var created = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Rederij Team" });
        _client = Guid.Parse(created.Headers.Location!.OriginalString["/Clients/".Length..]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_team_on_a_dossier_lets_its_members_in_and_a_leaver_loses_access_at_once()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var colleague = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "sectielid");
        using var colleagueClient = await app.SignedInAsync(colleague);
        var dossier = await CreateDossierAsync(lawyer, "Zaak voor de sectie");
        var team = await CreateTeamAsync(admin, "Sectie ondernemingsrecht");
        var addMember = (IHtmlFormElement)(await admin.GetDocumentAsync("/Access/Teams")).QuerySelector("[data-testid=team] form[action*=AddMember]")!;
        await admin.PostFormAsync(addMember, "/Access/Teams", new Dictionary<string, string> { ["userId"] = colleague.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, (await colleagueClient.GetAsync($"/Dossiers/{dossier}")).StatusCode);

        var addTeam = (IHtmlFormElement)(await lawyer.GetDocumentAsync($"/Dossiers/{dossier}")).QuerySelector("form[action*=AddTeam]")!;
        await lawyer.PostFormAsync(addTeam, $"/Dossiers/{dossier}", new Dictionary<string, string> { ["teamId"] = team.ToString() });

        Assert.Equal(HttpStatusCode.OK, (await colleagueClient.GetAsync($"/Dossiers/{dossier}")).StatusCode);
        Assert.Contains("Zaak voor de sectie", (await colleagueClient.GetDocumentAsync("/Dossiers")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sectie ondernemingsrecht", (await lawyer.GetDocumentAsync($"/Dossiers/{dossier}")).QuerySelector("[data-testid=team]")!.TextContent, StringComparison.Ordinal);

        var remove = (IHtmlFormElement)(await admin.GetDocumentAsync("/Access/Teams")).QuerySelector("[data-testid=team] form[action*=RemoveMember]")!;
        await admin.PostFormAsync(remove, "/Access/Teams", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, (await colleagueClient.GetAsync($"/Dossiers/{dossier}")).StatusCode);
        Assert.DoesNotContain("Zaak voor de sectie", (await colleagueClient.GetDocumentAsync("/Dossiers")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wall_around_a_team_bars_its_members_even_with_read_all_and_keeps_the_team_from_being_deleted()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var dossier = await CreateDossierAsync(lawyer, "Achter de teammuur");
        var team = await CreateTeamAsync(admin, "Sectie met belang");
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.TeamMembers.Add(new TeamMember { TeamId = team, UserId = _firm.Admin.Id });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Dossiers/{dossier}")).StatusCode);

        var wallForm = (IHtmlFormElement)(await admin.GetDocumentAsync($"/Dossiers/{dossier}/Walls")).QuerySelector("[data-testid=add-wall]")!;
        var up = await admin.PostFormAsync(wallForm, $"/Dossiers/{dossier}/Walls", new Dictionary<string, string> { ["who"] = $"team:{team}", ["reason"] = "Sectie adviseerde de wederpartij" });

        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Dossiers/{dossier}")).StatusCode);
        Assert.DoesNotContain("Achter de teammuur", (await admin.GetDocumentAsync("/Dossiers?scope=all")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await lawyer.GetAsync($"/Dossiers/{dossier}")).StatusCode);

        var delete = (await admin.GetDocumentAsync("/Access/Teams")).QuerySelectorAll("[data-testid=team]")
            .Single(s => s.TextContent.Contains("Sectie met belang", StringComparison.Ordinal)).QuerySelector("form[action*=Delete]")!;
        var refused = await admin.PostFormAsync((IHtmlFormElement)delete, "/Access/Teams", new Dictionary<string, string>());
        Assert.Contains("ethische muur", (await CrmClient.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_names_are_required_and_unique_and_only_user_admins_manage_teams()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        await CreateTeamAsync(admin, "Procespraktijk");

        var duplicate = await admin.SubmitAsync("/Access/Teams", new Dictionary<string, string> { ["name"] = "Procespraktijk" }, handler: "Create");
        var empty = await admin.SubmitAsync("/Access/Teams", new Dictionary<string, string> { ["name"] = " " }, handler: "Create");

        Assert.Contains("al een team met deze naam", (await CrmClient.ParseAsync(duplicate)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Geef het team een naam", (await CrmClient.ParseAsync(empty)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Access/Teams")).StatusCode);
    }

    private async Task<Guid> CreateTeamAsync(CrmClient admin, string name)
    {
        var response = await admin.SubmitAsync("/Access/Teams", new Dictionary<string, string> { ["name"] = name }, handler: "Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    private async Task<Guid> CreateDossierAsync(CrmClient client, string title)
    {
        var response = await client.SubmitAsync($"/Dossiers/New?client={_client}", new Dictionary<string, string> { ["Input.Title"] = title });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
    }
}
