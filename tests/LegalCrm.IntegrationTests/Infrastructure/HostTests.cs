using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;

namespace LegalCrm.IntegrationTests.Infrastructure;

public sealed class HostTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_sign_in(string url)
    {
        using var client = app.Anonymous();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_gets_the_friendly_404_in_dutch()
    {
        var firm = await app.CreateFirmAsync("Host");
        using var client = await app.SignedInAsync(firm.Lawyer);

        var response = await client.GetAsync("/Error/404");
        var missing = await client.GetAsync("/Account/NoSuchPage");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Pagina niet gevonden", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_asking_for_an_unknown_page_is_sent_to_sign_in_and_learns_nothing()
    {
        using var client = app.Anonymous();

        var response = await client.GetAsync("/Account/NoSuchPage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_error_page_is_friendly_gives_a_reference_and_no_details()
    {
        using var client = app.Anonymous();

        var response = await client.GetAsync("/Error/500");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Er ging bij ons iets mis", html, StringComparison.Ordinal);
        Assert.Contains("Kenmerk voor support", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused_with_the_friendly_400()
    {
        using var client = app.Anonymous();

        var response = await client.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative),
            new FormUrlEncodedContent([new("Input.Email", "a@b.test"), new("Input.Password", "whatever-password")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Het verzoek kon niet worden verwerkt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_turns_the_ui_english_and_rejects_unknown_languages()
    {
        using var client = app.Anonymous();

        var login = await client.GetDocumentAsync("/Account/Login");
        var form = login.QuerySelector<IHtmlFormElement>("form.language-switch")!;
        var english = await client.PostFormAsync(form, "/Account/Login", new Dictionary<string, string> { ["culture"] = "en-GB" });
        var page = await client.GetDocumentAsync("/Account/Login");
        var bogus = await client.PostFormAsync(page.QuerySelector<IHtmlFormElement>("form.language-switch")!, "/Account/Login", new Dictionary<string, string> { ["culture"] = "xx-XX" });

        Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        Assert.Equal("Sign in", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
    }
}
