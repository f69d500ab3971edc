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

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<DataSubjectRequest> RequestAsync()
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().DataSubjectRequests.AsNoTracking().SingleAsync(r => r.PersonName == "Petra Verzoek");
    }
}
