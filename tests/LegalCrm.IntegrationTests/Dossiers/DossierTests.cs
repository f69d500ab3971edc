using System.Net;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Dossiers;

public sealed class DossierTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private Guid _client;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Dossiers");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var created = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Bouwbedrijf Dossier", ["Input.KvkNumber"] = "87654321" });
        _client = Guid.Parse(created.Headers.Location!.OriginalString["/Clients/".Length..]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Intake_gives_the_next_number_of_the_year_and_starts_in_intake_with_the_client_as_party()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var id = await CreateAsync(lawyer, "Geschil over oplevering");
        var page = await lawyer.GetDocumentAsync($"/Dossiers/{id}");

        Assert.Matches($"^{AmsterdamTime.Today(TimeProvider.System).Year}-\\d{{4}}$", await NumberAsync(id));
        Assert.Contains("intake", page.QuerySelector("[data-testid=dossier-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bouwbedrijf Dossier", page.QuerySelector("[data-testid=parties]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("cliënt", page.QuerySelector("[data-testid=parties]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_drawn_at_the_same_time_have_no_duplicates_and_no_gaps()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var form = (IHtmlFormElement)(await lawyer.GetDocumentAsync($"/Dossiers/New?client={_client}")).QuerySelector("[data-testid=dossier-form]")!;
        var before = await CountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            lawyer.PostFormAsync(form, "/Dossiers/New", new Dictionary<string, string> { ["Input.Title"] = $"Gelijktijdig {i}" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var scope = app.FirmScope(_firm.Id);
        var numbers = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Dossiers.Select(d => d.Number).ToListAsync();
        var sequence = numbers.Select(n => int.Parse(n[5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(before + 20, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, numbers.Count), sequence);
    }

    [Fact]
    public async Task A_dossier_cannot_open_without_a_cleared_conflict_check()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Te vroeg open");

        var response = await lawyer.SubmitAsync($"/Dossiers/{id}", new Dictionary<string, string>(), handler: "ChangeStatus");
        var page = await CrmClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("conflictcheck", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(DossierStatus.Intake, await StatusAsync(id));
    }

    [Fact]
    public async Task Closing_records_the_date_and_makes_the_dossier_read_only_until_reopened_with_a_reason()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Afgewezen intake");

        var page = await lawyer.GetDocumentAsync($"/Dossiers/{id}");
        var close = (IHtmlFormElement)page.QuerySelector("[data-testid=step-Closed]")!;
        var withoutReason = await lawyer.PostFormAsync(close, $"/Dossiers/{id}", new Dictionary<string, string>());
        var closed = await lawyer.PostFormAsync(close, $"/Dossiers/{id}", new Dictionary<string, string> { ["reason"] = "Zaak niet aangenomen" });
        close.Action = $"/Dossiers/{id}?handler=AddParty";
        var addParty = await lawyer.PostFormAsync(close, $"/Dossiers/{id}", new Dictionary<string, string> { ["contactId"] = _client.ToString(), ["role"] = "Expert" });

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var dossier = await db.Dossiers.Include(d => d.Parties).SingleAsync(d => d.Id == id);
        Assert.Equal((DossierStatus.Closed, AmsterdamTime.Today(TimeProvider.System)), (dossier.Status, dossier.ClosedOn!.Value));
        var change = await db.DossierStatusChanges.SingleAsync(c => c.DossierId == id && c.To == DossierStatus.Closed);
        Assert.Equal(("Zaak niet aangenomen", _firm.Lawyer.Id), (change.Reason, change.ByUserId!.Value));
        Assert.Contains("gesloten", (await CrmClient.ParseAsync(addParty)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(dossier.Parties, p => p.Role == PartyRole.Expert);
        var readOnly = await lawyer.GetDocumentAsync($"/Dossiers/{id}");
        Assert.Null(readOnly.QuerySelector("[data-testid=party-candidate]"));
        Assert.Null(readOnly.QuerySelector("form[action*=AddMember]"));
        Assert.NotNull(readOnly.QuerySelector("[data-testid=step-Open]"));
    }

    [Fact]
    public async Task Only_the_team_sees_a_dossier_and_read_all_widens_that()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Vertrouwelijke fusie");
        var colleague = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "collega");
        using var outsider = await app.SignedInAsync(colleague);
        using var admin = await app.SignedInAsync(_firm.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Dossiers/{id}")).StatusCode);
        Assert.DoesNotContain("Vertrouwelijke fusie", (await outsider.GetDocumentAsync("/Dossiers?scope=all")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Vertrouwelijke fusie", (await outsider.GetDocumentAsync($"/Clients/{_client}")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Vertrouwelijke fusie", (await outsider.GetDocumentAsync("/Dossiers?scope=all&q=Bouwbedrijf")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Dossiers/{id}")).StatusCode);
        Assert.Contains("Vertrouwelijke fusie", (await admin.GetDocumentAsync("/Dossiers?scope=all")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Vertrouwelijke fusie", (await admin.GetDocumentAsync("/Dossiers")).Body!.TextContent, StringComparison.Ordinal);

        var team = (IHtmlFormElement)(await lawyer.GetDocumentAsync($"/Dossiers/{id}")).QuerySelector("form[action*=AddMember]")!;
        await lawyer.PostFormAsync(team, $"/Dossiers/{id}", new Dictionary<string, string> { ["userId"] = colleague.Id.ToString() });

        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync($"/Dossiers/{id}")).StatusCode);
        Assert.Contains("Vertrouwelijke fusie", (await outsider.GetDocumentAsync("/Dossiers")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vertrouwelijke fusie", (await outsider.GetDocumentAsync($"/Clients/{_client}")).QuerySelector("[data-testid=contact-dossiers]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ethical_wall_beats_team_membership_and_read_all()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Achter de muur");
        var otherClientDossier = await CreateAsync(lawyer, "Ook van deze cliënt");
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.EthicalWalls.Add(new EthicalWall { UserId = _firm.Admin.Id, DossierId = id, Reason = "Eerder wederpartij geadviseerd", CreatedBy = "test" });
            db.EthicalWalls.Add(new EthicalWall { UserId = _firm.Lawyer.Id, ClientContactId = _client, Reason = "Familieband met cliënt", CreatedBy = "test" });
            await db.SaveChangesAsync();
        }

        using var admin = await app.SignedInAsync(_firm.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Dossiers/{otherClientDossier}")).StatusCode);
        Assert.DoesNotContain("Achter de muur", (await admin.GetDocumentAsync("/Dossiers?scope=all")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await lawyer.GetAsync($"/Dossiers/{otherClientDossier}")).StatusCode);
        Assert.Null((await lawyer.GetDocumentAsync("/Dossiers")).QuerySelector("[data-testid=dossiers-table]"));
    }

    [Fact]
    public async Task Adding_the_same_party_twice_in_one_role_is_refused_and_every_change_is_in_the_history()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Partijen");

        var candidate = (IHtmlFormElement)(await lawyer.GetDocumentAsync($"/Dossiers/{id}?party=Bouwbedrijf")).QuerySelector("[data-testid=party-candidate]")!;
        var twice = await lawyer.PostFormAsync(candidate, $"/Dossiers/{id}", new Dictionary<string, string> { ["role"] = "Client" });
        var expert = await lawyer.PostFormAsync(candidate, $"/Dossiers/{id}", new Dictionary<string, string> { ["role"] = "Expert" });
        var page = await lawyer.GetDocumentAsync($"/Dossiers/{id}");

        Assert.Contains("al partij in deze rol", (await CrmClient.ParseAsync(twice)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, expert.StatusCode);
        Assert.Contains("deskundige", page.QuerySelector("[data-testid=parties]")!.TextContent, StringComparison.Ordinal);
        var history = page.QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Partij", history, StringComparison.Ordinal);
        Assert.Contains("Statuswijziging", history, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.True(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries.AnyAsync(a => a.SubjectId == id && a.Action == LegalCrm.Web.Features.Audit.AuditActions.View && a.UserId == _firm.Lawyer.Id));
    }

    [Fact]
    public async Task A_party_can_have_one_of_the_firms_own_roles_and_an_end_date_not_before_its_start()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Faillissement onderaannemer");
        var candidate = (IHtmlFormElement)(await lawyer.GetDocumentAsync($"/Dossiers/{id}?party=Bouwbedrijf")).QuerySelector("[data-testid=party-candidate]")!;

        var unknown = await lawyer.PostFormAsync(candidate, $"/Dossiers/{id}", new Dictionary<string, string> { ["role"] = "Other:Schoonmoeder" });
        var curator = await lawyer.PostFormAsync(candidate, $"/Dossiers/{id}", new Dictionary<string, string> { ["role"] = "Other:Curator", ["startDate"] = "2026-03-01" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, curator.StatusCode);
        var row = (await lawyer.GetDocumentAsync($"/Dossiers/{id}")).QuerySelectorAll("[data-testid=parties] tr").Single(r => r.TextContent.Contains("Curator", StringComparison.Ordinal));
        var end = (IHtmlFormElement)row.QuerySelector("form[action*=EndParty]")!;
        var tooEarly = await lawyer.PostFormAsync(end, $"/Dossiers/{id}", new Dictionary<string, string> { ["endDate"] = "2026-02-01" });
        var ended = await lawyer.PostFormAsync(end, $"/Dossiers/{id}", new Dictionary<string, string> { ["endDate"] = "2026-06-30" });

        Assert.Contains("einddatum", (await CrmClient.ParseAsync(tooEarly)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var parties = (await lawyer.GetDocumentAsync($"/Dossiers/{id}")).QuerySelector("[data-testid=parties]")!.TextContent;
        Assert.Contains("30-06-2026", parties, StringComparison.Ordinal);
        Assert.Contains("Curator", (await lawyer.GetDocumentAsync($"/Clients/{_client}")).QuerySelector("[data-testid=contact-dossiers]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_keeps_what_others_saved_in_the_meantime()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Eerste titel");
        var mine = (IHtmlFormElement)(await lawyer.GetDocumentAsync($"/Dossiers/{id}/Edit")).QuerySelector("[data-testid=dossier-edit]")!;
        var theirs = (IHtmlFormElement)(await lawyer.GetDocumentAsync($"/Dossiers/{id}/Edit")).QuerySelector("[data-testid=dossier-edit]")!;

        var first = await lawyer.PostFormAsync(theirs, $"/Dossiers/{id}/Edit", new Dictionary<string, string> { ["Input.Title"] = "Tweede titel", ["Input.CourtCaseNumbers"] = "C/13/123456 / HA ZA 26-1" });
        var second = await lawyer.PostFormAsync(mine, $"/Dossiers/{id}/Edit", new Dictionary<string, string> { ["Input.Title"] = "Derde titel" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("terwijl u het bewerkte", (await CrmClient.ParseAsync(second)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var dossier = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Dossiers.SingleAsync(d => d.Id == id);
        Assert.Equal(("Tweede titel", "C/13/123456 / HA ZA 26-1"), (dossier.Title, dossier.CourtCaseNumbers));
    }

    [Fact]
    public async Task Who_viewed_a_dossier_or_a_client_page_is_recorded_and_shown_to_the_audit_roles_only()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Ingezien");
        await lawyer.GetAsync($"/Dossiers/{id}");
        await lawyer.GetAsync($"/Clients/{_client}");
        using var admin = await app.SignedInAsync(_firm.Admin);

        var dossierViews = (await admin.GetDocumentAsync($"/Audit?subject={id}&action=view")).Body!.TextContent;
        var clientViews = (await admin.GetDocumentAsync($"/Audit?subject={_client}&action=view")).Body!.TextContent;

        Assert.Contains(_firm.Lawyer.Email, dossierViews, StringComparison.Ordinal);
        Assert.Contains(_firm.Lawyer.Email, clientViews, StringComparison.Ordinal);
        Assert.NotNull((await admin.GetDocumentAsync($"/Dossiers/{id}")).QuerySelector("[data-testid=who-viewed]"));
        Assert.Null((await lawyer.GetDocumentAsync($"/Dossiers/{id}")).QuerySelector("[data-testid=who-viewed]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync($"/Audit?subject={id}&action=view")).StatusCode);
    }

    [Fact]
    public async Task An_admin_puts_up_a_wall_through_the_page_and_the_lawyer_loses_access_at_once()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Muur via de pagina");
        using var admin = await app.SignedInAsync(_firm.Admin);
        var form = (IHtmlFormElement)(await admin.GetDocumentAsync($"/Dossiers/{id}/Walls")).QuerySelector("[data-testid=add-wall]")!;

        var noReason = await admin.PostFormAsync(form, $"/Dossiers/{id}/Walls", new Dictionary<string, string> { ["who"] = "user:" + _firm.Lawyer.Id });
        var up = await admin.PostFormAsync(form, $"/Dossiers/{id}/Walls", new Dictionary<string, string> { ["who"] = "user:" + _firm.Lawyer.Id, ["reason"] = "Belang bij wederpartij" });

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lawyer.GetAsync($"/Dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync($"/Dossiers/{id}/Walls")).StatusCode);

        var remove = (IHtmlFormElement)(await admin.GetDocumentAsync($"/Dossiers/{id}/Walls")).QuerySelector("[data-testid=walls] form")!;
        await admin.PostFormAsync(remove, $"/Dossiers/{id}/Walls", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, (await lawyer.GetAsync($"/Dossiers/{id}")).StatusCode);
    }

    [Fact]
    public async Task Break_glass_gives_a_colleague_temporary_access_is_logged_and_tells_the_responsible_lawyer()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Spoed tijdens vakantie");
        var number = await NumberAsync(id);
        var colleague = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "waarnemer");
        using var stranger = await app.SignedInAsync(colleague);

        var tooShort = await stranger.SubmitAsync("/Dossiers/BreakGlass", new Dictionary<string, string> { ["Number"] = number, ["Reason"] = "kort" });
        var broken = await stranger.SubmitAsync("/Dossiers/BreakGlass", new Dictionary<string, string> { ["Number"] = number, ["Reason"] = "Termijn verloopt vandaag, advocaat op vakantie" });

        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, broken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync($"/Dossiers/{id}")).StatusCode);
        Assert.Null((await stranger.GetDocumentAsync($"/Dossiers/{id}")).QuerySelector("[data-testid=edit-dossier]"));
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(x => x.Address == _firm.Lawyer.Email) && (m.Subject ?? string.Empty).Contains(number, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("Termijn verloopt vandaag", mail.TextBody, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.SubjectId == id && a.Action == LegalCrm.Web.Features.Audit.AuditActions.BreakGlass && a.UserId == colleague.Id));
        var grant = await db.DossierAccessGrants.SingleAsync(g => g.DossierId == id);
        Assert.Equal(DossierAccessGrant.Duration, grant.ExpiresAt - grant.GrantedAt);

        // Expired: the access is gone.
        grant.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await db.SaveChangesAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Dossiers/{id}")).StatusCode);
    }

    [Fact]
    public async Task Break_glass_cannot_pass_an_ethical_wall()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Muur en glas");
        var colleague = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "gemuurd");
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.EthicalWalls.Add(new EthicalWall { UserId = colleague.Id, DossierId = id, Reason = "Familie van wederpartij", CreatedBy = "test" });
            await db.SaveChangesAsync();
        }

        using var walled = await app.SignedInAsync(colleague);
        var response = await walled.SubmitAsync("/Dossiers/BreakGlass", new Dictionary<string, string> { ["Number"] = await NumberAsync(id), ["Reason"] = "Ik wil toch even kijken in dit dossier" });

        Assert.Contains("Chinese wall", (await CrmClient.ParseAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await walled.GetAsync($"/Dossiers/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_firm_sets_its_number_format_and_practice_areas_and_a_bad_pattern_is_refused()
    {
        var other = await app.CreateFirmAsync("Nummering");
        using var admin = await app.SignedInAsync(other.Admin);

        var bad = await admin.SubmitAsync("/Access/Settings", new Dictionary<string, string> { ["Input.DossierNumberFormat"] = "{YYYY}-<b>" });
        var good = await admin.SubmitAsync("/Access/Settings", new Dictionary<string, string> { ["Input.DossierNumberFormat"] = "D{YY}/{NNN}", ["Input.PracticeAreas"] = "Zeerecht\nVervoersrecht\nZeerecht" });
        var client = await admin.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.LastName"] = "Nummer" });
        var created = await admin.SubmitAsync($"/Dossiers/New?client={client.Headers.Location!.OriginalString.Split('/')[2]}", new Dictionary<string, string> { ["Input.Title"] = "Eerste in nieuw formaat" });

        Assert.Contains("één volgnummer", (await CrmClient.ParseAsync(bad)).QuerySelector("[data-valmsg-for='Input.DossierNumberFormat']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var scope = app.FirmScope(other.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.Equal($"D{AmsterdamTime.Today(TimeProvider.System).Year % 100:00}/001", await db.Dossiers.Select(d => d.Number).SingleAsync());
        Assert.Equal(["Zeerecht", "Vervoersrecht"], await db.Firms.Select(f => f.PracticeAreas).SingleAsync());
    }

    [Fact]
    public async Task Another_firm_cannot_open_a_dossier()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Ander kantoor");
        var other = await app.CreateFirmAsync("Dossiers other");
        using var stranger = await app.SignedInAsync(other.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Dossiers/{id}")).StatusCode);
        Assert.DoesNotContain("Ander kantoor", (await stranger.GetDocumentAsync("/Dossiers?scope=all")).Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<Guid> CreateAsync(CrmClient client, string title)
    {
        var response = await client.SubmitAsync($"/Dossiers/New?client={_client}", new Dictionary<string, string> { ["Input.Title"] = title });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Dossiers.CountAsync();
    }

    private async Task<string> NumberAsync(Guid id)
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Dossiers.Where(d => d.Id == id).Select(d => d.Number).SingleAsync();
    }

    private async Task<DossierStatus> StatusAsync(Guid id)
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Dossiers.Where(d => d.Id == id).Select(d => d.Status).SingleAsync();
    }
}
