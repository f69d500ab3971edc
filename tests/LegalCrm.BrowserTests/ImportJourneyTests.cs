using System.Text;
using Microsoft.Playwright;

namespace LegalCrm.BrowserTests;

public sealed class ImportJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_assistant_imports_a_csv_with_one_bad_row_checks_the_dry_run_and_downloads_the_rejected_row()
    {
        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Users["assistant"].Email);
        var csv = Encoding.UTF8.GetBytes(
            "Voorletters;Achternaam;E-mail;Postcode;Plaats;Straat\n"
            + "A.;de Boer;anna@deboer.nl;9711 AB;Groningen;Grote Markt 1\n"
            + "P.;Visser;piet@visser.nl;12345;Zwolle;Melkmarkt 2\n"
            + "M.;van Dam;marie@vandam.nl;5611 AA;Eindhoven;Markt 3\n");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Contacten" }).ClickAsync();
        await page.GetByTestId("import").ClickAsync();
        await Assertions.Expect(page.GetByText("Nog geen imports.")).ToBeVisibleAsync();
        await page.GetByLabel("Bestand").SetInputFilesAsync(new FilePayload { Name = "nieuwe-relaties.csv", MimeType = "text/csv", Buffer = csv });
        await page.GetByTestId("upload").ClickAsync();

        await Assertions.Expect(page.GetByTestId("map-1")).ToHaveValueAsync("LastName");
        await Assertions.Expect(page.GetByTestId("map-3")).ToHaveValueAsync("PostalCode");
        await Screenshots.SaveAsync(page, "20-import-mapping");
        await page.GetByTestId("dry-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-creates")).ToHaveTextAsync("2 nieuw");
        await Assertions.Expect(page.GetByTestId("plan-rejects")).ToHaveTextAsync("1 afgewezen");
        await Assertions.Expect(page.GetByTestId("plan-rows")).ToContainTextAsync("Postcode: Een Nederlandse postcode ziet eruit als 1234 AB.");
        await Screenshots.SaveAsync(page, "21-import-dry-run");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-rejected").ClickAsync());
        var rejected = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("P.;Visser;piet@visser.nl;12345;Zwolle;Melkmarkt 2;3;Postcode:", rejected, StringComparison.Ordinal);

        await page.GetByTestId("start-import").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("2 aangemaakt, 0 bijgewerkt, 1 afgewezen");
        await Screenshots.SaveAsync(page, "22-import-done");

        await page.GetByRole(AriaRole.Link, new() { Name = "Naar de contacten" }).ClickAsync();
        var table = page.GetByTestId("contacts-table");
        await Assertions.Expect(table).ToContainTextAsync("Boer, A. de");
        await Assertions.Expect(table).ToContainTextAsync("Dam, M. van");
        await Assertions.Expect(table).Not.ToContainTextAsync("Visser");
    }
}
