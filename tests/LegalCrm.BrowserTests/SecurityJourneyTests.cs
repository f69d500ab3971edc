using LegalCrm.TestSupport;
using Microsoft.Playwright;
using OtpNet;

namespace LegalCrm.BrowserTests;

public sealed class SecurityJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_user_turns_on_two_factor_sign_in_and_then_signs_in_with_a_code()
    {
        var user = fixture.Firm.Users["read-only"];
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, user.Email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Zet tweestapsverificatie aan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-code voor je authenticator-app" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "09-two-factor-setup");
        var key = (await page.GetByTestId("authenticator-key").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Verificatiecode").FillAsync(Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanzetten" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await Screenshots.SaveAsync(page, "10-recovery-codes");
        await page.GetByTestId("sign-out").ClickAsync();

        await page.GetByLabel("E-mailadres").FillAsync(user.Email);
        await page.GetByLabel("Wachtwoord").FillAsync(CrmAppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tweestapsverificatie" })).ToBeVisibleAsync();
        await page.GetByLabel("Verificatiecode").FillAsync(Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("dashboard-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Je account is alleen met een wachtwoord beveiligd.")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_privacy_officer_reads_the_audit_trail_filtered_to_sign_ins()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Users["privacy-officer"].Email);

        await BrowserFixture.OpenAdministrationAsync(page, "Audittrail");
        await page.GetByLabel("Actie").SelectOptionAsync(new SelectOptionValue { Label = "Ingelogd" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();

        var rows = page.GetByTestId("audit-table").Locator(":scope > tbody > tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("Ingelogd");
        Assert.All(await rows.AllTextContentsAsync(), row => Assert.Contains("Ingelogd", row, StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, "11-audit-trail");
    }

    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

}
