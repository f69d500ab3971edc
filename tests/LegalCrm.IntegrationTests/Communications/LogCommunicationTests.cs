using System.Net;
using AngleSharp.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Communications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Communications;

public sealed class LogCommunicationTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private Guid _client;
    private Guid _dossier;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Communicatie");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Transport Noord" });
        _client = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={_client}", new Dictionary<string, string> { ["Input.Title"] = "Vordering vervoerder" });
        _dossier = Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_lawyer_logs_a_call_in_a_dossier_with_the_client_as_caller_and_it_shows_in_the_timeline_sanitised()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var response = await lawyer.SubmitAsync($"/Communications/Log?dossier={_dossier}&kind=Call", new Dictionary<string, string>
        {
            ["Input.Subject"] = "Cliënt belt over de factuur",
            ["Input.Body"] = "**Betaling** volgt.<script>alert(1)</script>",
            ["Input.DurationMinutes"] = "12",
            ["Input.ContactIds"] = _client.ToString(),
            ["Input.UserIds"] = _firm.Lawyer.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await lawyer.GetDocumentAsync($"/Dossiers/{_dossier}");
        Assert.Contains("Cliënt belt over de factuur", page.QuerySelector("[data-testid=dossier-communications]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("12 min", page.QuerySelector("[data-testid=dossier-communications]")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var logged = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Communications.Include(c => c.Participants).SingleAsync(c => c.Subject == "Cliënt belt over de factuur");
        Assert.Equal(CommunicationKind.Call, logged.Kind);
        Assert.Contains("<strong>Betaling</strong>", logged.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", logged.BodyHtml, StringComparison.Ordinal);
        Assert.Contains(logged.Participants, p => p.ContactId == _client && p.Role == ParticipantRole.Caller);
        Assert.Contains(logged.Participants, p => p.UserId == _firm.Lawyer.Id && p.Role == ParticipantRole.Callee);
        Assert.Contains("Communicatie", page.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cliënt belt over de factuur", (await lawyer.GetDocumentAsync($"/Dossiers/{_dossier}/Communications?kind=Call&direction=Incoming")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Cliënt belt over de factuur", (await lawyer.GetDocumentAsync($"/Dossiers/{_dossier}/Communications?kind=Email")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_far_ahead_or_no_subject_is_refused_with_a_message_and_nothing_is_saved()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var response = await lawyer.SubmitAsync($"/Communications/Log?dossier={_dossier}&kind=Note", new Dictionary<string, string>
        {
            ["Input.Subject"] = " ",
            ["Input.OccurredAt"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });

        var errors = (await CrmClient.ParseAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent;
        Assert.Contains("onderwerp", errors, StringComparison.Ordinal);
        Assert.Contains("vooruit", errors, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.False(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Communications.AnyAsync(c => c.Kind == CommunicationKind.Note));
    }

    [Fact]
    public async Task Someone_outside_the_team_cannot_log_in_or_read_the_dossier()
    {
        var outsider = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "buiten");
        using var client = await app.SignedInAsync(outsider);
        using var reader = await app.SignedInAsync(_firm.Users[BuiltInRoles.ReadOnly]);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Communications/Log?dossier={_dossier}&kind=Call")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Dossiers/{_dossier}/Communications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/Communications/Log?dossier={_dossier}&kind=Call")).StatusCode);
    }

    [Fact]
    public async Task The_author_corrects_a_call_within_the_window_afterwards_only_a_manager_may_and_every_change_is_audited()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await LogCallAsync(lawyer, "Belletje over de planning");

        var details = await lawyer.GetDocumentAsync($"/Communications/{id}");
        Assert.NotNull(details.QuerySelector("[data-testid=edit-communication]"));
        var corrected = await lawyer.SubmitAsync($"/Communications/Log?id={id}", new Dictionary<string, string> { ["Input.Subject"] = "Belletje over de zittingsplanning", ["Input.Body"] = "Zitting op *12 januari*." });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var saved = await db.Communications.SingleAsync(c => c.Id == id);
            Assert.Equal("Belletje over de zittingsplanning", saved.Subject);
            Assert.Contains("<em>12 januari</em>", saved.BodyHtml, StringComparison.Ordinal);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Communication) && a.EntityId == id.ToString() && a.Action == LegalCrm.Web.Features.Audit.AuditActions.Update));
            // The window closes: the call was logged two days ago.
            await db.Communications.Where(c => c.Id == id).ExecuteUpdateAsync(x => x.SetProperty(c => c.CreatedAt, c => c.CreatedAt.AddDays(-2)));
        }

        Assert.Null((await lawyer.GetDocumentAsync($"/Communications/{id}")).QuerySelector("[data-testid=edit-communication]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync($"/Communications/Log?id={id}")).StatusCode);
        var token = (await lawyer.GetDocumentAsync($"/Communications/{id}")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var deleteByAuthor = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.Http.PostAsync(new Uri($"/Communications/{id}?handler=Delete", UriKind.Relative), deleteByAuthor)).StatusCode);

        using var admin = await app.SignedInAsync(_firm.Admin);
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Add(new LegalCrm.Web.Features.Dossiers.DossierMember { DossierId = _dossier, UserId = _firm.Admin.Id });
            await db.SaveChangesAsync();
        }

        var deleted = await admin.SubmitAsync($"/Communications/{id}", new Dictionary<string, string>(), handler: "Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.False(await db.Communications.AnyAsync(c => c.Id == id));
            var deletion = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Communication) && a.EntityId == id.ToString() && a.Action == LegalCrm.Web.Features.Audit.AuditActions.Delete);
            Assert.Contains("zittingsplanning", deletion.Changes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_correction_from_a_stale_form_is_refused_and_loses_nothing()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await LogCallAsync(lawyer, "Eerste versie");
        var stale = (AngleSharp.Html.Dom.IHtmlFormElement)(await lawyer.GetDocumentAsync($"/Communications/Log?id={id}")).QuerySelector("[data-testid=log-form]")!;
        await lawyer.SubmitAsync($"/Communications/Log?id={id}", new Dictionary<string, string> { ["Input.Subject"] = "Tweede versie" });

        var refused = await lawyer.PostFormAsync(stale, $"/Communications/Log?id={id}", new Dictionary<string, string> { ["Input.Subject"] = "Derde versie" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("in de tussentijd", (await CrmClient.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.Equal("Tweede versie", await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Communications.Where(c => c.Id == id).Select(c => c.Subject).SingleAsync());
    }

    [Fact]
    public async Task From_the_top_bar_a_lawyer_finds_the_dossier_and_from_a_contact_logs_into_one_of_its_dossiers()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var chooser = await lawyer.GetDocumentAsync("/Communications/Log?q=vervoerder");
        Assert.Contains("Vordering vervoerder", chooser.QuerySelector("[data-testid=log-dossier-choices]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Transport Noord", (await lawyer.GetDocumentAsync("/Communications/Log?q=transport")).QuerySelector("[data-testid=log-contact-choices]")!.TextContent, StringComparison.Ordinal);

        var logged = await lawyer.SubmitAsync($"/Communications/Log?contact={_client}&kind=Meeting", new Dictionary<string, string>
        {
            ["Input.Subject"] = "Bespreking op kantoor",
            ["Input.DossierId"] = _dossier.ToString(),
            ["Input.Location"] = "Kantoor Zwolle",
        });
        Assert.Equal($"/Dossiers/{_dossier}", logged.Headers.Location!.OriginalString);

        var timeline = await lawyer.GetDocumentAsync($"/Clients/{_client}/Communications?kind=Meeting");
        Assert.Contains("Bespreking op kantoor", timeline.QuerySelector("[data-testid=timeline]")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await lawyer.GetDocumentAsync($"/Clients/{_client}/Communications?kind=Letter")).QuerySelector("[data-testid=timeline]"));
    }

    [Fact]
    public async Task The_contacts_timeline_follows_a_communication_moved_to_another_kind_or_into_a_dossier_the_user_may_not_see()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await LogCallAsync(lawyer, "Overleg over de schikking");
        Assert.Contains("Overleg over de schikking", await TimelineAsync(lawyer, "?kind=Call"), StringComparison.Ordinal);

        // Changed outside the app's forms (as a bulk correction would): the participant rows' copies follow.
        using var admin = await app.SignedInAsync(_firm.Admin);
        var other = await admin.SubmitAsync($"/Dossiers/New?client={_client}", new Dictionary<string, string> { ["Input.Title"] = "Zaak zonder de advocaat" });
        var otherDossier = Guid.Parse(other.Headers.Location!.OriginalString.Split('/')[2]);
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await db.Communications.Where(c => c.Id == id).ExecuteUpdateAsync(x => x.SetProperty(c => c.Kind, CommunicationKind.Meeting));
        }

        Assert.DoesNotContain("Overleg over de schikking", await TimelineAsync(lawyer, "?kind=Call"), StringComparison.Ordinal);
        Assert.Contains("Overleg over de schikking", await TimelineAsync(lawyer, "?kind=Meeting"), StringComparison.Ordinal);

        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.EthicalWalls.Add(new LegalCrm.Web.Features.Dossiers.EthicalWall { UserId = _firm.Lawyer.Id, DossierId = otherDossier, Reason = "Eerder voor de wederpartij", CreatedBy = "test" });
            await db.SaveChangesAsync();
            await db.Communications.Where(c => c.Id == id).ExecuteUpdateAsync(x => x.SetProperty(c => c.DossierId, otherDossier));
        }

        Assert.DoesNotContain("Overleg over de schikking", await TimelineAsync(lawyer, string.Empty), StringComparison.Ordinal);
        Assert.Contains("Overleg over de schikking", await TimelineAsync(admin, string.Empty), StringComparison.Ordinal);

        async Task<string> TimelineAsync(CrmClient user, string query) =>
            (await user.GetDocumentAsync($"/Clients/{_client}/Communications{query}")).Body!.TextContent;
    }

    private async Task<Guid> LogCallAsync(CrmClient user, string subject)
    {
        var response = await user.SubmitAsync($"/Communications/Log?dossier={_dossier}&kind=Call", new Dictionary<string, string> { ["Input.Subject"] = subject, ["Input.ContactIds"] = _client.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Communications.Where(c => c.Subject == subject).Select(c => c.Id).SingleAsync();
    }
}
