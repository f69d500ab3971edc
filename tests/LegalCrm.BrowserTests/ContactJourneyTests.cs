using Microsoft.Playwright;

namespace LegalCrm.BrowserTests;

public sealed class ContactJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_lawyer_creates_a_person_and_an_organisation_links_them_and_finds_the_person_by_a_misspelt_name()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Lawyer.Email);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Contacten" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Het adresboek is leeg.")).ToBeVisibleAsync();
        await page.GetByTestId("new-organisation").ClickAsync();
        await page.GetByLabel("Naam organisatie").FillAsync("Scheepswerf Noorderhaven");
        await page.GetByLabel("Rechtsvorm").FillAsync("B.V.");
        await page.GetByLabel("KvK-nummer").FillAsync("1234567");
        await page.GetByTestId("save-contact").ClickAsync();
        await Assertions.Expect(page.Locator(".field-validation-error", new() { HasText = "Een KvK-nummer heeft 8 cijfers." })).ToBeVisibleAsync();
        await page.GetByLabel("KvK-nummer").FillAsync("12345678");
        await page.GetByTestId("save-contact").ClickAsync();
        await Assertions.Expect(page.GetByTestId("contact-name")).ToContainTextAsync("Scheepswerf Noorderhaven B.V.");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Contacten" }).ClickAsync();
        await page.GetByTestId("new-person").ClickAsync();
        await page.GetByLabel("Voorletters").FillAsync("g.j.");
        await page.GetByLabel("Voornaam").FillAsync("Geert");
        await page.GetByLabel("Tussenvoegsel").FillAsync("van der");
        await page.GetByLabel("Achternaam").FillAsync("Schoöt");
        await page.GetByLabel("E-mailadres").First.FillAsync("geert@noorderhaven.nl");
        await page.GetByLabel("Telefoon").First.FillAsync("06-12345678");
        await page.GetByLabel("Dit contact is cliënt van het kantoor").CheckAsync();
        await Screenshots.SaveAsync(page, "12-new-person");
        await page.GetByTestId("save-contact").ClickAsync();
        await Assertions.Expect(page.GetByTestId("contact-name")).ToContainTextAsync("G.J. van der Schoöt");
        await Assertions.Expect(page.GetByTestId("client-number")).ToBeVisibleAsync();

        await page.GetByLabel("Koppelen aan een ander contact").FillAsync("noorderhaven");
        await page.GetByLabel("Koppelen aan een ander contact").PressAsync("Enter");
        var candidate = page.GetByTestId("link-candidate").First;
        await candidate.Locator("select[name=kind]").SelectOptionAsync("DirectorOf");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Koppelen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("relationships")).ToContainTextAsync("bestuurder van");
        await Screenshots.SaveAsync(page, "13-contact-page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Scheepswerf Noorderhaven B.V." }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("relationships")).ToContainTextAsync("heeft als bestuurder");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Contacten" }).ClickAsync();
        await page.GetByLabel("Zoeken").FillAsync("schoot geerd");
        await page.GetByLabel("Zoeken").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("contacts-table").Locator("tbody tr").First).ToContainTextAsync("Schoöt, G.J. van der");
        await Screenshots.SaveAsync(page, "14-search-typo");
    }
}
