using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LegalCrm.IntegrationTests.Access;

public sealed class HardeningTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task Every_page_carries_the_security_headers_and_pages_with_client_data_are_not_cached()
    {
        var firm = await app.CreateFirmAsync("Kopregels");
        using var lawyer = await app.SignedInAsync(firm.Lawyer);

        foreach (var url in new[] { "/Clients", "/Account/Login", "/Error/404", "/does-not-exist" })
        {
            var response = await lawyer.GetAsync(url);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.DoesNotContain("unsafe-inline'; img", SecurityHeaders.ContentSecurityPolicy.Replace("style-src-attr 'unsafe-inline'", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.True(response.Headers.CacheControl?.NoStore, url);
        }

        var css = await lawyer.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
        var page = await (await lawyer.GetAsync("/Clients")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" onclick=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_common_password_is_refused_with_a_message_that_says_why()
    {
        var firm = await app.CreateFirmAsync("Wachtwoorden");
        using var lawyer = await app.SignedInAsync(firm.Lawyer);

        var response = await lawyer.SubmitAsync("/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = CrmAppFactory.Password,
            ["Input.Password"] = "Wachtwoord2026!",
            ["Input.ConfirmPassword"] = "Wachtwoord2026!",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("te makkelijk te raden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = await app.SignedInAsync(firm.Lawyer);
    }
}

public sealed class StrictTransportSecurityTests(StrictTransportSecurityTests.SecureCookiesApp app) : IClassFixture<StrictTransportSecurityTests.SecureCookiesApp>
{
    [Fact]
    public async Task Outside_development_https_answers_with_strict_transport_security()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://crm.kantoor.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    public sealed class SecureCookiesApp : CrmAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Security:SecureCookies", "true")];
    }
}

public sealed class SignInRateLimitTests(SignInRateLimitTests.RateLimitedApp app) : IClassFixture<SignInRateLimitTests.RateLimitedApp>
{
    [Fact]
    public async Task Posting_to_sign_in_too_often_is_refused_for_a_while_with_a_clear_message()
    {
        using var client = app.Anonymous();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("iemand@nergens.test", "not-the-password-" + i)).StatusCode);
        }

        var refused = await client.SignInAsync("iemand@nergens.test", "yet-another-guess");
        var forgot = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "iemand@nergens.test" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Contains("Te veel pogingen", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, forgot.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    public sealed class RateLimitedApp : CrmAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Security:SignInAttemptsPerMinute", "3")];
    }
}
