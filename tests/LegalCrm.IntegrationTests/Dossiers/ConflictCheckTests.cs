using System.Net;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Dossiers;

public sealed class ConflictCheckTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private TestUser _otherLawyer = null!;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Conflicts");
        _otherLawyer = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "oud");

        // An old, closed matter of another lawyer: Visser sued Janssen Transport B.V. (KvK 11112222), whose director is P. de Wit.
        using var other = await app.SignedInAsync(_otherLawyer);
        var visser = await ContactAsync(other, "Person", new() { ["Input.LastName"] = "Visser", ["Input.Initials"] = "K." });
        var transport = await ContactAsync(other, "Organisation", new() { ["Input.OrganisationName"] = "Janssen Transport", ["Input.LegalForm"] = "B.V.", ["Input.KvkNumber"] = "11112222" });
        var old = await DossierAsync(other, visser, "Visser / Janssen Transport");
        var candidate = (IHtmlFormElement)(await other.GetDocumentAsync($"/Dossiers/{old}?party=janssen")).QuerySelector("[data-testid=party-candidate]")!;
        await other.PostFormAsync(candidate, $"/Dossiers/{old}", new Dictionary<string, string> { ["role"] = "OpposingParty" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_check_finds_a_former_opposing_party_by_a_misspelt_name_and_hides_what_the_user_may_not_see()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await ContactAsync(lawyer, "Organisation", new() { ["Input.OrganisationName"] = "Jansen Transport", ["NotADuplicate"] = "true" });

        var id = await DossierAsync(lawyer, client, "Nieuwe cliënt");
        var page = await lawyer.GetDocumentAsync($"/Dossiers/{id}/Conflicts");

        var hits = page.QuerySelector("[data-testid=hits]")!.TextContent;
        Assert.Contains("gelijkende naam", hits, StringComparison.Ordinal);
        Assert.Contains("mogelijk conflict", hits, StringComparison.Ordinal);
        Assert.Contains("In een dossier dat u niet mag zien. Vraag het oud lawyer.", hits, StringComparison.Ordinal);
        Assert.DoesNotContain("Visser", hits, StringComparison.Ordinal);
        Assert.DoesNotContain("Janssen Transport B.V.", hits, StringComparison.Ordinal);

        using var admin = await app.SignedInAsync(_firm.Admin);
        var seen = (await admin.GetDocumentAsync($"/Dossiers/{id}/Conflicts")).QuerySelector("[data-testid=hits]")!.TextContent;
        Assert.Contains("Janssen Transport B.V.", seen, StringComparison.Ordinal);
        Assert.Contains("wederpartij", seen, StringComparison.Ordinal);
        Assert.Contains("Visser / Janssen Transport", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_finds_the_same_kvk_number_under_another_name_and_the_director_of_an_opposing_company()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);
        var renamed = await ContactAsync(admin, "Organisation", new() { ["Input.OrganisationName"] = "JT Logistiek", ["Input.KvkNumber"] = "11112222", ["NotADuplicate"] = "true" });
        var director = await ContactAsync(admin, "Person", new() { ["Input.LastName"] = "de Wit", ["Input.Initials"] = "P." });
        var link = (IHtmlFormElement)(await admin.GetDocumentAsync($"/Clients/{director}?link=janssen")).QuerySelector("[data-testid=link-candidate]")!;
        await admin.PostFormAsync(link, $"/Clients/{director}", new Dictionary<string, string> { ["kind"] = "DirectorOf" });

        var byKvk = await DossierAsync(admin, renamed, "Logistiek");
        var viaDirector = await DossierAsync(admin, director, "Bestuurder");

        var kvkHits = (await admin.GetDocumentAsync($"/Dossiers/{byKvk}/Conflicts")).QuerySelector("[data-testid=hits]")!.TextContent;
        var directorHits = (await admin.GetDocumentAsync($"/Dossiers/{viaDirector}/Conflicts")).QuerySelector("[data-testid=hits]")!.TextContent;
        Assert.Contains("zelfde KvK-nummer", kvkHits, StringComparison.Ordinal);
        Assert.Contains("Janssen Transport B.V.", directorHits, StringComparison.Ordinal);
        Assert.Contains("bestuurder", directorHits, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dossier_opens_after_the_decision_no_conflict_and_the_decision_is_kept()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await ContactAsync(lawyer, "Person", new() { ["Input.LastName"] = "Zonderconflict" });
        var id = await DossierAsync(lawyer, client, "Schone zaak");

        var decided = await lawyer.SubmitAsync($"/Dossiers/{id}/Conflicts", new Dictionary<string, string> { ["decision"] = "NoConflict" }, handler: "Decide");
        var opened = await lawyer.SubmitAsync($"/Dossiers/{id}", new Dictionary<string, string>(), handler: "ChangeStatus");

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var check = await db.ConflictChecks.SingleAsync(c => c.DossierId == id);
        Assert.Equal((ConflictDecision.NoConflict, _firm.Lawyer.Id), (check.Decision, check.DecidedByUserId!.Value));
        Assert.Equal(DossierStatus.Open, (await db.Dossiers.SingleAsync(d => d.Id == id)).Status);
    }

    [Fact]
    public async Task A_waiver_needs_the_waive_permission_and_a_reason_and_adding_a_party_needs_a_new_decision()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await ContactAsync(lawyer, "Person", new() { ["Input.LastName"] = "Ontheffing" });
        var id = await DossierAsync(lawyer, client, "Met ontheffing");
        var form = (IHtmlFormElement)(await lawyer.GetDocumentAsync($"/Dossiers/{id}/Conflicts")).QuerySelector("[data-testid=decide]")!;

        var byLawyer = await lawyer.PostFormAsync(form, $"/Dossiers/{id}/Conflicts", new Dictionary<string, string> { ["decision"] = "Waived", ["reason"] = "Oude zaak, geen belang meer" });
        Assert.Equal(HttpStatusCode.Forbidden, byLawyer.StatusCode);

        using var admin = await app.SignedInAsync(_firm.Admin);
        var team = (IHtmlFormElement)(await lawyer.GetDocumentAsync($"/Dossiers/{id}")).QuerySelector("form[action*=AddMember]")!;
        await lawyer.PostFormAsync(team, $"/Dossiers/{id}", new Dictionary<string, string> { ["userId"] = _firm.Admin.Id.ToString() });
        var adminForm = (IHtmlFormElement)(await admin.GetDocumentAsync($"/Dossiers/{id}/Conflicts")).QuerySelector("[data-testid=decide]")!;
        var withoutReason = await admin.PostFormAsync(adminForm, $"/Dossiers/{id}/Conflicts", new Dictionary<string, string> { ["decision"] = "Waived" });
        var waived = await admin.PostFormAsync(adminForm, $"/Dossiers/{id}/Conflicts", new Dictionary<string, string> { ["decision"] = "Waived", ["reason"] = "Cliënten stemmen in" });

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, waived.StatusCode);

        var candidate = (IHtmlFormElement)(await lawyer.GetDocumentAsync($"/Dossiers/{id}?party=visser")).QuerySelector("[data-testid=party-candidate]")!;
        await lawyer.PostFormAsync(candidate, $"/Dossiers/{id}", new Dictionary<string, string> { ["role"] = "OpposingParty" });
        var open = await lawyer.SubmitAsync($"/Dossiers/{id}", new Dictionary<string, string>(), handler: "ChangeStatus");

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        await using var scope = app.FirmScope(_firm.Id);
        var checks = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().ConflictChecks.Where(c => c.DossierId == id).OrderBy(c => c.RunAt).ToListAsync();
        Assert.Equal(2, checks.Count);
        Assert.Equal((ConflictDecision.Waived, "Cliënten stemmen in", _firm.Admin.Id), (checks[0].Decision, checks[0].DecisionReason, checks[0].DecidedByUserId!.Value));
        Assert.Equal(ConflictDecision.Pending, checks[1].Decision);
    }

    private static async Task<Guid> ContactAsync(CrmClient client, string kind, Dictionary<string, string> fields)
    {
        var response = await client.SubmitAsync($"/Clients/Edit?kind={kind}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString["/Clients/".Length..]);
    }

    private static async Task<Guid> DossierAsync(CrmClient client, Guid clientId, string title)
    {
        var response = await client.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = title });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
    }
}
