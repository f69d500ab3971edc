using LegalCrm.TestSupport;

namespace LegalCrm.IntegrationTests.Dashboard;

public sealed class RecentSignInsTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task The_dashboard_shows_the_users_own_latest_sign_in_attempts_newest_first_and_nothing_else()
    {
        var firm = await app.CreateFirmAsync("Aanmeldingen");
        using (var anonymous = app.Anonymous())
        {
            await anonymous.SignInAsync(firm.Lawyer.Email, "not-the-password");
        }

        // Another user's sign-in, not on the lawyer's dashboard; then the lawyer's, and a change that is audited too.
        (await app.SignedInAsync(firm.Admin)).Dispose();

        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        await lawyer.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.FirstName"] = "Anna", ["Input.LastName"] = "Audit" });

        var rows = (await lawyer.GetDocumentAsync("/"))
            .QuerySelectorAll("[aria-labelledby=signins-title] tbody tr td:nth-child(2)")
            .Select(td => td.TextContent.Trim())
            .ToList();

        Assert.Equal(["Ingelogd", "Inloggen mislukt"], rows);
    }
}
