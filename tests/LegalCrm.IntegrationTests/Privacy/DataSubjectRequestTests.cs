using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Privacy;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Privacy;

public sealed class DataSubjectRequestTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private TestUser _officer = null!;
    private Guid _contact;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Verzoeken");
        _officer = await app.AddUserAsync(_firm, BuiltInRoles.PrivacyOfficer, "privacy");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var created = await lawyer.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.FirstName"] = "Petra", ["Input.LastName"] = "Verzoek" });
        _contact = Guid.Parse(created.Headers.Location!.OriginalString["/Clients/".Length..]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_access_request_is_logged_from_the_contact_verified_extended_and_closed_with_its_answer_all_audited()
    {
        using var officer = await app.SignedInAsync(_officer);
        var contactPage = await officer.GetDocumentAsync($"/Clients/{_contact}");
        var link = contactPage.QuerySelector("[data-testid=log-privacy-request]")!.GetAttribute("href")!;
        var today = AmsterdamTime.Today(TimeProvider.System);
        var received = today.AddDays(-10);

        var form = await officer.GetDocumentAsync(link);
        Assert.Equal("Petra Verzoek", form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#person")!.Value);
        var logged = await officer.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Access",
            ["Input.ReceivedOn"] = Iso(received),
            ["Input.Channel"] = "Email",
            ["Input.Description"] = "Wil weten welke gegevens het kantoor van haar heeft.",
        });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);

        var list = await officer.GetDocumentAsync("/Privacy/Requests");
        var row = list.QuerySelector("[data-testid=requests] tbody tr")!;
        Assert.Contains("identiteit niet gecontroleerd", row.TextContent, StringComparison.Ordinal);
        var left = received.AddMonths(1).DayNumber - today.DayNumber;
        Assert.Contains($"nog {left} dagen", row.QuerySelector("[data-testid=due]")!.TextContent, StringComparison.Ordinal);

        var request = await RequestAsync();
        Assert.Equal(_contact, request.ContactId);
        var edit = $"/Privacy/Requests/Edit/{request.Id}";
        var lateExtension = await officer.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.ExtensionMonths"] = "2",
            ["Input.ExtensionReason"] = "Veel dossiers te doorzoeken",
            ["Input.ExtensionToldOn"] = Iso(received.AddMonths(1).AddDays(1)),
        });
        Assert.Contains("binnen de eerste maand", (await CrmClient.ParseAsync(lateExtension)).Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.IdentityVerifiedOn"] = Iso(today),
            ["Input.IdentityVerifiedHow"] = "Identiteitsbewijs getoond op kantoor, BSN afgeschermd",
            ["Input.ExtensionMonths"] = "2",
            ["Input.ExtensionReason"] = "Veel dossiers te doorzoeken",
            ["Input.ExtensionToldOn"] = Iso(today),
        })).StatusCode);
        request = await RequestAsync();
        Assert.Equal(received.AddMonths(3), request.DueOn);
        Assert.False(string.IsNullOrEmpty(request.IdentityVerifiedBy));

        var closeWithoutAnswer = await officer.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Status"] = "Closed", ["Input.ClosedOn"] = Iso(today) });
        Assert.Contains("Leg het verzonden antwoord vast", (await CrmClient.ParseAsync(closeWithoutAnswer)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Status"] = "Closed",
            ["Input.ClosedOn"] = Iso(today),
            ["Input.Answer"] = "Overzicht en kopie van de gegevens per beveiligde e-mail verstrekt.",
        })).StatusCode);

        Assert.NotNull((await officer.GetDocumentAsync("/Privacy/Requests")).QuerySelector("[data-testid=requests-empty]"));
        Assert.Contains("Petra Verzoek", (await officer.GetDocumentAsync("/Privacy/Requests?closed=true")).QuerySelector("[data-testid=requests]")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var trail = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(DataSubjectRequest) && a.EntityId == request.Id.ToString()).ToListAsync();
        Assert.Contains(trail, a => a.Action == AuditActions.Insert);
        Assert.Contains(trail, a => a.Action == AuditActions.Update && a.Changes!.Contains("beveiligde e-mail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_from_the_future_or_without_a_name_is_refused_and_only_the_privacy_officer_sees_the_log()
    {
        using var officer = await app.SignedInAsync(_officer);
        var future = await officer.SubmitAsync("/Privacy/Requests/Edit", new Dictionary<string, string>
        {
            ["Input.PersonName"] = "Iemand",
            ["Input.ReceivedOn"] = Iso(AmsterdamTime.Today(TimeProvider.System).AddDays(3)),
        });
        Assert.Contains("niet na vandaag zijn ontvangen", (await CrmClient.ParseAsync(future)).Body!.TextContent, StringComparison.Ordinal);
        var nameless = await officer.SubmitAsync("/Privacy/Requests/Edit", new Dictionary<string, string> { ["Input.PersonName"] = "" });
        Assert.Contains("Vul de naam van de betrokkene in", (await CrmClient.ParseAsync(nameless)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Privacy/Requests/Edit?contact={Guid.NewGuid()}")).StatusCode);

        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Privacy/Requests")).StatusCode);
        Assert.Null((await lawyer.GetDocumentAsync($"/Clients/{_contact}")).QuerySelector("[data-testid=log-privacy-request]"));
    }

    [Fact]
    public async Task Open_requests_remind_those_who_handle_them_a_week_and_a_day_ahead_and_when_late_each_once()
    {
        var firm = await app.CreateFirmAsync("Herinneringen verzoeken");
        var officer = await app.AddUserAsync(firm, BuiltInRoles.PrivacyOfficer, "privacy");
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            DataSubjectRequest Request(string name, DateOnly received, RequestStatus status = RequestStatus.Open) =>
                new() { PersonName = name, ReceivedOn = received, Status = status, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow };
            db.DataSubjectRequests.AddRange(
                Request("Over vijf dagen", new DateOnly(2026, 11, 5)),
                Request("Morgen", new DateOnly(2026, 11, 1)),
                Request("Te laat", new DateOnly(2026, 10, 20)),
                Request("Nog lang", new DateOnly(2026, 11, 20)),
                Request("Al beantwoord", new DateOnly(2026, 10, 1), RequestStatus.Closed));
            await db.SaveChangesAsync();
        }

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        PrivacyReminders Reminders() => new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<PrivacyReminders>.Instance);
        await Task.WhenAll(Reminders().SendForFirmAsync(firm.Id, CancellationToken.None), Reminders().SendForFirmAsync(firm.Id, CancellationToken.None));
        await Reminders().SendForFirmAsync(firm.Id, CancellationToken.None);
        var first = await TextsAsync();
        Assert.Equal(3, first.Count);
        Assert.Contains(first, t => t.Contains("Over vijf dagen", StringComparison.Ordinal) && t.Contains("uiterlijk 5 december 2026", StringComparison.Ordinal));
        Assert.Contains(first, t => t.Contains("Morgen", StringComparison.Ordinal) && t.Contains("uiterlijk 1 december 2026", StringComparison.Ordinal));
        Assert.Contains(first, t => t.Contains("Te laat", StringComparison.Ordinal) && t.Contains("had op 20 november 2026", StringComparison.Ordinal));

        // Four days on: the first is due tomorrow, the second is late; the one already late is not repeated.
        clock.Advance(TimeSpan.FromDays(4));
        await Reminders().SendForFirmAsync(firm.Id, CancellationToken.None);
        var later = await TextsAsync();
        Assert.Equal(5, later.Count);
        Assert.Single(later, t => t.Contains("Te laat", StringComparison.Ordinal));
        Assert.DoesNotContain(later, t => t.Contains("Nog lang", StringComparison.Ordinal) || t.Contains("Al beantwoord", StringComparison.Ordinal));

        async Task<List<string>> TextsAsync()
        {
            await using var scope = app.FirmScope(firm.Id);
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.False(await db.Notifications.AnyAsync(n => n.UserId == firm.Lawyer.Id));
            return await db.Notifications.Where(n => n.UserId == officer.Id && n.DedupKey.StartsWith("request-deadline:")).Select(n => n.Text).ToListAsync();
        }
    }

    [Fact]
    public async Task An_objection_withdraws_every_marketing_consent_and_the_officer_restricts_the_contact_under_privacy_requests()
    {
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.MarketingConsents.AddRange(
                new LegalCrm.Web.Features.Clients.MarketingConsent { ContactId = _contact, Purpose = LegalCrm.Web.Features.Clients.MarketingPurpose.Newsletter, Channel = LegalCrm.Web.Features.Clients.ConsentChannel.Email, GivenOn = new DateOnly(2025, 1, 1), TextShown = "Ja", RecordedBy = "test" },
                new LegalCrm.Web.Features.Clients.MarketingConsent { ContactId = _contact, Purpose = LegalCrm.Web.Features.Clients.MarketingPurpose.Events, Channel = LegalCrm.Web.Features.Clients.ConsentChannel.Post, GivenOn = new DateOnly(2025, 1, 1), TextShown = "Ja", RecordedBy = "test" });
            await db.SaveChangesAsync();
        }

        using var officer = await app.SignedInAsync(_officer);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Privacy/Requests/Edit?contact={_contact}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Objection",
            ["Input.ReceivedOn"] = Iso(AmsterdamTime.Today(TimeProvider.System)),
        })).StatusCode);
        var request = await RequestAsync();
        var edit = $"/Privacy/Requests/Edit/{request.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(edit, new Dictionary<string, string>(), handler: "WithdrawConsents")).StatusCode);
        Assert.Contains("2 marketingtoestemmingen ingetrokken", (await officer.GetDocumentAsync(edit)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.All(await db.MarketingConsents.Where(m => m.ContactId == _contact).ToListAsync(), m => Assert.Equal(AmsterdamTime.Today(TimeProvider.System), m.WithdrawnOn));
        }

        // Restriction (art. 18) belongs to handling requests now.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Clients/{_contact}", new Dictionary<string, string> { ["reason"] = "Betwist juistheid gegevens" }, handler: "Restrict")).StatusCode);
        Assert.Contains("beperkt", (await officer.GetDocumentAsync($"/Clients/{_contact}")).QuerySelector(".notice-warn")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_logged_without_a_contact_is_linked_to_the_contact_found_by_a_search()
    {
        using var officer = await app.SignedInAsync(_officer);
        var logged = await officer.SubmitAsync("/Privacy/Requests/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Access",
            ["Input.PersonName"] = "P. Verzoek",
            ["Input.ReceivedOn"] = Iso(AmsterdamTime.Today(TimeProvider.System)),
        });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        Guid id;
        await using (var scope = app.FirmScope(_firm.Id))
        {
            id = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().DataSubjectRequests.Where(r => r.PersonName == "P. Verzoek").Select(r => r.Id).SingleAsync();
        }

        var edit = $"/Privacy/Requests/Edit/{id}";
        Assert.Contains("Geen contact gevonden", (await officer.GetDocumentAsync(edit + "?find=Nergensvan")).QuerySelector("[data-testid=link-contact]")!.TextContent, StringComparison.Ordinal);
        var found = await officer.GetDocumentAsync(edit + "?find=Verzoek");
        var link = found.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("[data-testid=link-contact] form[method=post]").Single(f => f.TextContent.Contains("Petra Verzoek", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(link, edit, new Dictionary<string, string>())).StatusCode);

        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.Equal(_contact, (await db.DataSubjectRequests.AsNoTracking().SingleAsync(r => r.Id == id)).ContactId);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(DataSubjectRequest) && a.EntityId == id.ToString() && a.Action == AuditActions.Update));
        }

        Assert.Null((await officer.GetDocumentAsync(edit)).QuerySelector("[data-testid=link-contact]"));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<DataSubjectRequest> RequestAsync()
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().DataSubjectRequests.AsNoTracking().SingleAsync(r => r.PersonName == "Petra Verzoek");
    }
}
