using System.Text.RegularExpressions;
using LegalCrm.TestSupport;
using Microsoft.Playwright;

namespace LegalCrm.BrowserTests;

public sealed partial class JourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_lawyer_signs_in_with_the_keyboard_switches_language_sees_the_dashboard_and_signs_out()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Matches(LoginUrl(), page.Url);
        await Screenshots.SaveAsync(page, "01-sign-in");

        await page.GetByLabel("E-mailadres").FillAsync(fixture.Firm.Lawyer.Email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(CrmAppFactory.Password);
        await page.Keyboard.PressAsync("Enter");

        var heading = page.GetByTestId("dashboard-title");
        await Assertions.Expect(heading).ToHaveTextAsync("Welkom, Advocaat Van Dijk & De Vries Advocaten");
        await Screenshots.SaveAsync(page, "02-dashboard-nl");

        await page.GetByTestId("switch-language").ClickAsync();
        await Assertions.Expect(heading).ToHaveTextAsync("Good to see you, Advocaat Van Dijk & De Vries Advocaten");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Screenshots.SaveAsync(page, "03-dashboard-en");

        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        Assert.Matches(LoginUrl(), page.Url);

        // The language stays with the account: Dutch again after switching back, for the next test's sake.
        await page.GetByTestId("switch-language").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_invites_a_user_who_then_appears_as_invited_and_gets_the_mail()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Admin.Email);

        await BrowserFixture.OpenAdministrationAsync(page, "Gebruikers");
        await Assertions.Expect(page.GetByTestId("users-table")).ToContainTextAsync(fixture.Firm.Lawyer.Email);
        await Screenshots.SaveAsync(page, "04-users");

        await page.GetByTestId("invite-user").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-validation-error").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "05-invite-errors");

        var email = $"nieuw.{Guid.NewGuid():N}@kantoor.test";
        await page.GetByLabel("Naam").FillAsync("Noor Nieuw");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Advocaat" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Uitnodiging verstuurd naar {email}.");
        await Assertions.Expect(page.GetByTestId("user-status")).ToContainTextAsync("Uitgenodigd");
        await Screenshots.SaveAsync(page, "06-invited-user");
        var mail = await fixture.App.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email), TimeSpan.FromSeconds(30));
        Assert.Contains("/Account/SetPassword?user=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_outside_the_role_shows_the_friendly_403()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Users["assistant"].Email);

        var response = await page.GotoAsync("/Access/Users");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Je hebt geen toegang tot deze pagina" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Beheer" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "07-forbidden");
    }

    [Fact]
    public async Task A_wrong_password_shows_one_calm_message_and_keeps_the_address()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.GetByLabel("E-mailadres").FillAsync(fixture.Firm.Users["read-only"].Email);
        await page.GetByLabel("Wachtwoord").FillAsync("definitely-not-it");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("E-mailadres")).ToHaveValueAsync(fixture.Firm.Users["read-only"].Email);
        await Screenshots.SaveAsync(page, "08-sign-in-failed");
    }


    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginUrl();
}
