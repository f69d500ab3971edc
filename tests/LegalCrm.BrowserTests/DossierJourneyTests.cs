using Microsoft.Playwright;

namespace LegalCrm.BrowserTests;

public sealed class DossierJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_lawyer_takes_in_a_dossier_adds_the_opposing_party_clears_the_conflict_check_and_opens_it()
    {
        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Lawyer.Email);
        await page.GotoAsync("/Clients/Edit?kind=Organisation");
        await page.GetByLabel("Naam organisatie").FillAsync("Havenbedrijf Oost");
        await page.GetByTestId("save-contact").ClickAsync();
        await page.GotoAsync("/Clients/Edit?kind=Organisation");
        await page.GetByLabel("Naam organisatie").FillAsync("Sleepdienst West");
        await page.GetByTestId("save-contact").ClickAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Dossiers" }).ClickAsync();
        await Assertions.Expect(page.GetByText("U zit nog niet in het team van een dossier.")).ToBeVisibleAsync();
        await page.GetByTestId("new-dossier").ClickAsync();
        await page.GetByLabel("Zoek de cliënt").FillAsync("havenbedrijf");
        await page.GetByLabel("Zoek de cliënt").PressAsync("Enter");
        await page.GetByTestId("client-candidates").GetByRole(AriaRole.Link, new() { Name = "Havenbedrijf Oost" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("chosen-client")).ToContainTextAsync("Havenbedrijf Oost");
        await page.GetByLabel("Titel").FillAsync("Aanvaring in de Waalhaven");
        await page.GetByLabel("Rechtsgebied").FillAsync("Contractenrecht");
        await Screenshots.SaveAsync(page, "30-dossier-intake");
        await page.GetByTestId("create-dossier").ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-hits")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Aanvaring in de Waalhaven" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("intake");

        await page.GetByLabel("Partij toevoegen").FillAsync("sleepdienst");
        await page.GetByLabel("Partij toevoegen").PressAsync("Enter");
        var candidate = page.GetByTestId("party-candidate").First;
        await candidate.Locator("select[name=role]").SelectOptionAsync("OpposingParty");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("parties")).ToContainTextAsync("wederpartij");

        await page.GetByTestId("step-Open").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary-errors")).ToContainTextAsync("conflictcheck");
        await Screenshots.SaveAsync(page, "31-dossier-page");

        await page.GetByTestId("conflicts-link").ClickAsync();
        await page.GetByTestId("decide-no-conflict").ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision")).ToContainTextAsync("geen conflict");
        await Screenshots.SaveAsync(page, "33-conflict-check");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("\\d{4}-\\d{4} · Aanvaring in de Waalhaven$") }).ClickAsync();
        await page.GetByTestId("step-Open").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("open");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Dossiers" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossiers-table")).ToContainTextAsync("Aanvaring in de Waalhaven");
        await Assertions.Expect(page.GetByTestId("dossiers-table")).ToContainTextAsync("Havenbedrijf Oost");
        await Screenshots.SaveAsync(page, "32-dossier-list");
    }
}
