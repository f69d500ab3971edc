using System.Text;
using Microsoft.Playwright;

namespace LegalCrm.BrowserTests;

public sealed class DocumentJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_partner_takes_in_a_matter_with_a_conflict_waives_it_opens_the_dossier_uploads_a_document_and_closes_it()
    {
        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Admin.Email);
        foreach (var name in new[] { "Rederij Zeeland", "Scheepvaart Oost" })
        {
            await page.GotoAsync("/Clients/Edit?kind=Organisation");
            await page.GetByLabel("Naam organisatie").FillAsync(name);
            await page.GetByTestId("save-contact").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        }

        // An earlier matter in which Rederij Zeeland was the opposing party.
        await IntakeAsync(page, "scheepvaart", "Scheepvaart Oost", "Averij Westerschelde");
        await page.GetByRole(AriaRole.Link, new() { Name = "Averij Westerschelde" }).ClickAsync();
        await page.GetByLabel("Partij toevoegen").FillAsync("rederij");
        await page.GetByLabel("Partij toevoegen").PressAsync("Enter");
        var candidate = page.GetByTestId("party-candidate").First;
        await candidate.Locator("select[name=role]").SelectOptionAsync("OpposingParty");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("parties")).ToContainTextAsync("Rederij Zeeland");

        // Now Rederij Zeeland asks the firm to act for it: the check at intake finds the earlier matter.
        await IntakeAsync(page, "rederij", "Rederij Zeeland", "Charterovereenkomst MS Zeeland");
        await Assertions.Expect(page.GetByTestId("hits")).ToContainTextAsync("Averij Westerschelde");
        await page.GetByLabel("Reden").FillAsync("Andere zaak, afgesloten belang; beide cliënten hebben schriftelijk ingestemd.");
        await page.GetByTestId("decide-waive").ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision")).ToContainTextAsync("ingestemd");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Charterovereenkomst MS Zeeland$") }).ClickAsync();
        await page.GetByTestId("step-Open").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("open");

        await page.GetByTestId("documents-link").ClickAsync();
        await Assertions.Expect(page.GetByText("Nog geen documenten.", new() { Exact = false })).ToBeVisibleAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "charterovereenkomst.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n") },
            new FilePayload { Name = "aantekeningen.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Bespreking met cliënt, 28 november.") },
        });
        await Assertions.Expect(page.Locator("[data-file-list] li")).ToHaveCountAsync(2);
        await page.GetByTestId("upload-form").GetByLabel("Categorie").SelectOptionAsync("Contract");
        await Screenshots.SaveAsync(page, "34-documents-upload");
        await page.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 documenten toegevoegd");
        await Assertions.Expect(page.GetByTestId("documents")).ToContainTextAsync("charterovereenkomst");
        await Assertions.Expect(page.GetByTestId("documents")).ToContainTextAsync("Overeenkomst");
        await page.GetByTestId("documents").GetByRole(AriaRole.Link, new() { Name = "charterovereenkomst" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "35-document");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^← Documenten") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Charterovereenkomst MS Zeeland$") }).ClickAsync();
        await page.GetByTestId("step-Closed").GetByLabel("Reden").FillAsync("Overeenkomst getekend, zaak afgerond.");
        await page.GetByTestId("step-Closed").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("gesloten");
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("charterovereenkomst");
        await Screenshots.SaveAsync(page, "36-dossier-closed");

        await page.GetByTestId("documents-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("upload-form")).ToHaveCountAsync(0);

        await BrowserFixture.OpenAdministrationAsync(page, "Teams");
        await page.GetByLabel("Naam").FillAsync("Sectie scheepvaart");
        await page.GetByLabel("Omschrijving").FillAsync("Advocaten transport- en scheepvaartrecht");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmaken" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("team")).ToContainTextAsync("Sectie scheepvaart");
        await page.GetByTestId("team").GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("team").Locator("ul li")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "37-teams");
    }

    private static async Task IntakeAsync(IPage page, string search, string client, string title)
    {
        await page.GotoAsync("/Dossiers/New");
        await page.GetByLabel("Zoek de cliënt").FillAsync(search);
        await page.GetByLabel("Zoek de cliënt").PressAsync("Enter");
        await page.GetByTestId("client-candidates").GetByRole(AriaRole.Link, new() { Name = client }).ClickAsync();
        await page.GetByLabel("Titel").FillAsync(title);
        await page.GetByTestId("create-dossier").ClickAsync();
        await Assertions.Expect(page.GetByTestId("latest-check")).ToBeVisibleAsync();
    }
}
