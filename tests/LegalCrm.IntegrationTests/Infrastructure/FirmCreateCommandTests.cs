using System.Net;
using System.Text.RegularExpressions;
using LegalCrm.TestSupport;

namespace LegalCrm.IntegrationTests.Infrastructure;

/// <summary>The operator's command, run as the real program against a real database.</summary>
public sealed partial class FirmCreateCommandTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task Firm_create_prints_a_one_time_link_with_which_the_first_admin_sets_a_password()
    {
        var email = $"founder.{Guid.NewGuid():N}@newfirm.test";

        var (exitCode, output) = await RunAsync("firm", "create", "--name", "Nieuw & Co Advocaten", "--admin-email", email, "--admin-name", "Fleur Founder");

        Assert.True(exitCode == 0, output);
        var link = new Uri(LinkPattern().Match(output).Value);
        using var client = app.Anonymous();
        var set = await client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string> { ["Input.Password"] = "First-admin-passphrase", ["Input.ConfirmPassword"] = "First-admin-passphrase" });
        Assert.Equal("/Account/Login", set.Headers.Location!.OriginalString);
        using var admin = await app.SignedInAsync(email, "First-admin-passphrase");
        var settings = await admin.GetDocumentAsync("/Access/Settings");
        Assert.Equal("Nieuw & Co Advocaten", settings.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Access/Users")).StatusCode);
    }

    [Fact]
    public async Task Firm_create_without_a_valid_address_explains_its_usage()
    {
        var (exitCode, output) = await RunAsync("firm", "create", "--name", "No Admin", "--admin-email", "not-an-address");

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: firm create", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) => ProgramRun.RunAsync(app, null, args);

    [GeneratedRegex(@"http://localhost/Account/SetPassword\S+")]
    private static partial Regex LinkPattern();
}
