using LegalCrm.Web.Features.Access;
using Microsoft.Playwright;

namespace LegalCrm.BrowserTests;

public sealed class AccessJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_creates_a_custom_role_and_the_users_menu_changes_on_their_next_click()
    {
        var clerk = await fixture.App.AddUserAsync(fixture.Firm, BuiltInRoles.Assistant, "dossierlezer");
        var clerkPage = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(clerkPage, clerk.Email);
        var clerkMenu = clerkPage.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await Assertions.Expect(clerkMenu.GetByRole(AriaRole.Link, new() { Name = "Contacten" })).ToBeVisibleAsync();

        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Admin.Email);
        await BrowserFixture.OpenAdministrationAsync(page, "Rollen");
        await page.GetByLabel("Naam").FillAsync("Dossierlezer");
        await page.GetByLabel("Omschrijving").FillAsync("Leest dossiers en taken, geen cliëntenbestand");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmaken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rol Dossierlezer is aangemaakt");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "De dossiers bekijken waaraan men werkt. dossiers.read", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Taken bekijken. tasks.read", Exact = true }).CheckAsync();
        await Screenshots.SaveAsync(page, "69-role-editor");
        await page.GetByTestId("save-role").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rol Dossierlezer is opgeslagen");

        await BrowserFixture.OpenAdministrationAsync(page, "Gebruikers");
        await page.GetByRole(AriaRole.Link, new() { Name = "dossierlezer assistant" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Secretariaat" }).UncheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Dossierlezer" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rollen opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De rollen van dossierlezer assistant zijn opgeslagen");

        await clerkMenu.GetByRole(AriaRole.Link, new() { Name = "Dossiers" }).ClickAsync();
        await Assertions.Expect(clerkMenu.GetByRole(AriaRole.Link, new() { Name = "Taken" })).ToBeVisibleAsync();
        await Assertions.Expect(clerkMenu.GetByRole(AriaRole.Link, new() { Name = "Contacten" })).ToHaveCountAsync(0);
        await Assertions.Expect(clerkMenu.GetByRole(AriaRole.Link, new() { Name = "Communicatie" })).ToHaveCountAsync(0);
        await clerkPage.GotoAsync("/Clients");
        await Assertions.Expect(clerkPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("geen toegang");
    }

    [Fact]
    public async Task The_admin_offboards_a_leaver_whose_open_session_is_then_rejected()
    {
        var leaver = await fixture.App.AddUserAsync(fixture.Firm, BuiltInRoles.Lawyer, "vertrekker");
        var leaverPage = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(leaverPage, leaver.Email);

        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Admin.Email);
        await BrowserFixture.OpenAdministrationAsync(page, "Gebruikers");
        await page.GetByRole(AriaRole.Link, new() { Name = "vertrekker lawyer" }).ClickAsync();
        await page.GetByTestId("offboard-user").ClickAsync();
        await Assertions.Expect(page.GetByTestId("open-sessions")).ToHaveTextAsync("1");
        await page.GetByLabel("Het openstaande werk overdragen aan").SelectOptionAsync(new SelectOptionValue { Label = "Advocaat Van Dijk & De Vries Advocaten" });
        await Screenshots.SaveAsync(page, "70-offboarding");
        await page.GetByTestId("offboard").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("vertrekker lawyer is uitgeschreven");
        await Assertions.Expect(page.GetByTestId("user-status")).ToContainTextAsync("Geblokkeerd");

        await leaverPage.GetByRole(AriaRole.Link, new() { Name = "Contacten" }).ClickAsync();
        await Assertions.Expect(leaverPage.GetByLabel("Wachtwoord")).ToBeVisibleAsync();
        Assert.Contains("/Account/Login", leaverPage.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_officer_verifies_the_audit_chain_and_sees_it_intact()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Users[BuiltInRoles.PrivacyOfficer].Email);
        await BrowserFixture.OpenAdministrationAsync(page, "Audittrail");
        await page.GetByTestId("audit-chain-link").ClickAsync();
        await page.GetByTestId("verify-chain").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De controle is gestart");
        await Assertions.Expect(page.GetByTestId("verification-result").First).ToContainTextAsync("Intact", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("head-hash")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await Screenshots.SaveAsync(page, "71-audit-chain");
    }

    [Fact]
    public async Task The_admin_reviews_access_records_the_review_and_makes_a_backup()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Admin.Email);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Beheer" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-sections")).ToContainTextAsync("Back-ups");
        await Screenshots.SaveAsync(page, "74-administration");
        await BrowserFixture.OpenAdministrationAsync(page, "Toegangsreview");
        await Assertions.Expect(page.GetByTestId("access-report")).ToContainTextAsync(fixture.Firm.Lawyer.Email);
        await page.GetByTestId("record-review").ClickAsync();
        await Assertions.Expect(page.Locator(".field-validation-error")).ToContainTextAsync("Schrijf op wat u hebt gevonden");
        await page.GetByLabel("Bevindingen en maatregelen").FillAsync("Rollen gecontroleerd; geen wijzigingen nodig.");
        await page.GetByTestId("record-review").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De toegangsreview is vastgelegd");
        await Assertions.Expect(page.GetByTestId("review-history")).ToContainTextAsync("geen wijzigingen nodig");
        await Screenshots.SaveAsync(page, "72-access-review");

        await BrowserFixture.OpenAdministrationAsync(page, "Back-ups");
        await page.GetByTestId("backup-now").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De back-up is gestart");
        await Assertions.Expect(page.GetByTestId("backup-runs")).ToContainTextAsync("Gelukt", new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "73-backups");
    }
}
