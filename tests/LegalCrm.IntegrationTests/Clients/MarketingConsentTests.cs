using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Clients;

public sealed class MarketingConsentTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private const string Text = "Ja, ik wil de nieuwsbrief van Kantoor ontvangen. Afmelden kan altijd.";

    private TestFirm _firm = null!;

    public async Task InitializeAsync() => _firm = await app.CreateFirmAsync("Consent");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Consent_is_recorded_with_date_text_and_channel_and_shows_in_the_history()
    {
        using var assistant = await app.SignedInAsync(_firm.Users["assistant"]);
        var id = await CreateAsync(assistant, "Lezer");

        var response = await RecordAsync(assistant, id, "Newsletter", "Email", "2026-10-01", Text);
        var page = await assistant.GetDocumentAsync($"/Clients/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("nieuwsbrief · e-mail", page.QuerySelector("[data-testid=consents]")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var consent = await db.MarketingConsents.SingleAsync(m => m.ContactId == id);
        Assert.Equal((new DateOnly(2026, 10, 1), Text, ConsentChannel.Email), (consent.GivenOn, consent.TextShown, consent.Channel));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.SubjectId == id && a.EntityType == nameof(MarketingConsent)));
    }

    [Fact]
    public async Task Consent_without_text_or_with_a_future_date_is_refused_with_a_message()
    {
        using var assistant = await app.SignedInAsync(_firm.Users["assistant"]);
        var id = await CreateAsync(assistant, "Twijfel");

        var response = await RecordAsync(assistant, id, "Events", "Post", "2099-01-01", "");
        var page = await CrmClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("kan niet in de toekomst liggen", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tekst", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.False(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().MarketingConsents.AnyAsync(m => m.ContactId == id));
    }

    [Fact]
    public async Task The_marketing_list_holds_active_consents_only_and_never_restricted_contacts()
    {
        using var assistant = await app.SignedInAsync(_firm.Users["assistant"]);
        var active = await CreateAsync(assistant, "Actiefmarketing");
        var withdrawn = await CreateAsync(assistant, "Ingetrokkenmarketing");
        var restricted = await CreateAsync(assistant, "Beperktmarketing");
        foreach (var id in new[] { active, withdrawn, restricted })
        {
            await RecordAsync(assistant, id, "LegalUpdates", "Email", "2026-01-15", Text);
        }

        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await assistant.GetDocumentAsync($"/Clients/{withdrawn}")).QuerySelector("form[action*=WithdrawConsent]")!;
        await assistant.PostFormAsync(form, $"/Clients/{withdrawn}", new Dictionary<string, string>());
        using var officer = await app.SignedInAsync(_firm.Users["privacy-officer"]);
        await officer.SubmitAsync($"/Clients/{restricted}", new Dictionary<string, string> { ["reason"] = "Verzoek betrokkene" }, handler: "Restrict");

        var list = (await assistant.GetDocumentAsync("/Clients?consent=LegalUpdates&q=marketing")).QuerySelector("[data-testid=contacts-table]")!.TextContent;
        var export = await (await assistant.GetAsync("/Clients?handler=Export&format=csv&consent=LegalUpdates")).Content.ReadAsStringAsync();

        Assert.Contains("Actiefmarketing", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingetrokkenmarketing", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Beperktmarketing", list, StringComparison.Ordinal);
        Assert.Contains("Actiefmarketing", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Beperktmarketing", export, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(assistant, restricted, "Events", "Email", "2026-01-15", Text, $"/Clients/{active}")).StatusCode);
    }

    [Fact]
    public async Task Another_firm_cannot_withdraw_or_see_a_consent()
    {
        using var assistant = await app.SignedInAsync(_firm.Users["assistant"]);
        var id = await CreateAsync(assistant, "Geheimconsent");
        await RecordAsync(assistant, id, "Newsletter", "Email", "2026-01-15", Text);
        Guid consentId;
        await using (var scope = app.FirmScope(_firm.Id))
        {
            consentId = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().MarketingConsents.Where(m => m.ContactId == id).Select(m => m.Id).SingleAsync();
        }

        var other = await app.CreateFirmAsync("Consent other");
        using var stranger = await app.SignedInAsync(other.Users["assistant"]);
        var ownContact = await CreateAsync(stranger, "Eigen");
        // A genuine form of the stranger's own (valid antiforgery token), aimed at the other firm's contact and consent.
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await stranger.GetDocumentAsync($"/Clients/{ownContact}")).QuerySelector("[data-testid=consent-form] form")!;
        form.Action = $"/Clients/{id}?handler=WithdrawConsent";

        var withdraw = await stranger.PostFormAsync(form, $"/Clients/{ownContact}", new Dictionary<string, string> { ["consentId"] = consentId.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Clients/{id}")).StatusCode);
        await using var check = app.FirmScope(_firm.Id);
        Assert.Null((await check.ServiceProvider.GetRequiredService<CrmDbContext>().MarketingConsents.SingleAsync(m => m.Id == consentId)).WithdrawnOn);
    }

    private static async Task<HttpResponseMessage> RecordAsync(CrmClient client, Guid id, string purpose, string channel, string givenOn, string text, string? formPage = null)
    {
        var page = await client.GetDocumentAsync(formPage ?? $"/Clients/{id}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=consent-form] form")!;
        form.Action = $"/Clients/{id}?handler=Consent";
        return await client.PostFormAsync(form, $"/Clients/{id}", new Dictionary<string, string>
        {
            ["purpose"] = purpose,
            ["channel"] = channel,
            ["givenOn"] = givenOn,
            ["textShown"] = text,
        });
    }

    private static async Task<Guid> CreateAsync(CrmClient client, string lastName)
    {
        var response = await client.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.LastName"] = lastName, ["NotADuplicate"] = "true" });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString["/Clients/".Length..]);
    }
}
