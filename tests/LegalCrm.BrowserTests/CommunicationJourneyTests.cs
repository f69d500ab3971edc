using System.Text;
using Microsoft.Playwright;

namespace LegalCrm.BrowserTests;

public sealed class CommunicationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_lawyer_logs_a_call_from_the_dossier_files_an_eml_and_sees_both_in_the_timeline()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Lawyer.Email);
        await page.GotoAsync("/Clients/Edit?kind=Organisation");
        await page.GetByLabel("Naam organisatie").FillAsync("Expeditie Zuid");
        await page.GetByTestId("save-contact").ClickAsync();
        await page.GotoAsync("/Dossiers/New");
        await page.GetByLabel("Zoek de cliënt").FillAsync("expeditie");
        await page.GetByLabel("Zoek de cliënt").PressAsync("Enter");
        await page.GetByTestId("client-candidates").GetByRole(AriaRole.Link, new() { Name = "Expeditie Zuid" }).ClickAsync();
        await page.GetByLabel("Titel").FillAsync("Schade lading");
        await page.GetByTestId("create-dossier").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Schade lading" }).ClickAsync();

        await page.GetByTestId("log-call").ClickAsync();
        await page.GetByLabel("Onderwerp").FillAsync("Cliënt meldt waterschade");
        await page.GetByLabel("Duur (minuten)").FillAsync("15");
        await page.GetByLabel("Tekst").FillAsync("Schade aan **twee pallets**; foto's volgen.");
        await page.GetByTestId("participants").GetByText("Expeditie Zuid").ClickAsync();
        await Screenshots.SaveAsync(page, "40-log-call");
        await page.GetByTestId("save-communication").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het gesprek is vastgelegd.");
        await Assertions.Expect(page.GetByTestId("dossier-communications")).ToContainTextAsync("Cliënt meldt waterschade");

        await page.GetByTestId("file-emails").ClickAsync();
        var eml = """
            Message-ID: <journey-1@zuid.example>
            Date: Fri, 27 Nov 2026 16:40:00 +0100
            From: Expeditie Zuid <schade@zuid.example>
            To: advocaat@kantoor.example
            Subject: Foto's van de schade
            Content-Type: text/plain; charset=utf-8

            Hierbij de beschrijving van de schade.
            """.Replace("\n", "\r\n", StringComparison.Ordinal);
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "schade.eml", MimeType = "message/rfc822", Buffer = Encoding.UTF8.GetBytes(eml) });
        await page.GetByRole(AriaRole.Button, new() { Name = "E-mails archiveren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 e-mails zijn in dit dossier gearchiveerd.");
        var timeline = page.GetByTestId("dossier-communications");
        await Assertions.Expect(timeline).ToContainTextAsync("Foto's van de schade");
        await timeline.GetByText("Cliënt meldt waterschade").ClickAsync();
        await Assertions.Expect(timeline.Locator(".message-body strong")).ToHaveTextAsync("twee pallets");
        await Screenshots.SaveAsync(page, "41-dossier-timeline");
    }

    [Fact]
    public async Task A_lawyer_logs_from_the_top_bar_searches_in_dutch_and_opens_the_hit()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Lawyer.Email);
        await page.GotoAsync("/Clients/Edit?kind=Organisation");
        await page.GetByLabel("Naam organisatie").FillAsync("Bakkerij Müller");
        await page.GetByTestId("save-contact").ClickAsync();

        // From any page: "+ Vastleggen" in the top bar, find the contact, log a note.
        await page.GetByTestId("topbar-log").ClickAsync();
        await page.GetByTestId("log-context-search").FillAsync("muller");
        await page.GetByTestId("log-context-search").PressAsync("Enter");
        await page.GetByTestId("log-contact-choices").GetByRole(AriaRole.Link, new() { Name = "Bakkerij Müller" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Notitie" }).ClickAsync();
        await page.GetByLabel("Onderwerp").FillAsync("Advies over het ontslag van de bakker");
        await page.GetByLabel("Tekst").FillAsync("De werknemer is op staande voet ontslagen; bezwaar binnen zes weken.");
        await page.GetByTestId("save-communication").ClickAsync();
        await Assertions.Expect(page.GetByTestId("contact-communications")).ToContainTextAsync("Advies over het ontslag");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Communicatie" }).ClickAsync();
        await page.GetByTestId("communication-search").FillAsync("ontslagen muller");
        await page.GetByTestId("communication-search").PressAsync("Enter");
        var hits = page.GetByTestId("search-hits");
        await Assertions.Expect(hits.Locator("mark").First).ToBeVisibleAsync();
        await Assertions.Expect(hits.Locator(".snippet mark").First).ToHaveTextAsync("ontslagen");
        await Screenshots.SaveAsync(page, "42-communication-search");

        await hits.GetByRole(AriaRole.Link, new() { Name = "Advies over het ontslag van de bakker" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("communication-body")).ToContainTextAsync("bezwaar binnen zes weken");
        await Assertions.Expect(page.GetByTestId("edit-communication")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "43-communication-details");
    }
}
