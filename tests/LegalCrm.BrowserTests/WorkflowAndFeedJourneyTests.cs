using Microsoft.Playwright;

namespace LegalCrm.BrowserTests;

public sealed class WorkflowAndFeedJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_sets_up_a_workflow_a_new_dossier_of_that_type_gets_its_task_and_the_lawyer_subscribes_to_the_agenda()
    {
        var admin = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, fixture.Firm.Admin.Email);
        await admin.GotoAsync("/Deadlines");
        await admin.GetByTestId("workflows-link").ClickAsync();
        await admin.GetByTestId("new-template").ClickAsync();
        await admin.GetByLabel("Naam").FillAsync("Incasso");
        await admin.GetByLabel("Soort dossier").FillAsync("Incasso");
        await admin.GetByTestId("save-template").ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("De werkwijze is opgeslagen.");
        await admin.GetByTestId("step-title").FillAsync("Sommatiebrief versturen");
        await admin.GetByLabel("Dagen erna").FillAsync("1");
        await admin.GetByTestId("add-step").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("steps")).ToContainTextAsync("Sommatiebrief versturen");
        await Screenshots.SaveAsync(admin, "58-workflow-template");

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Lawyer.Email);
        await page.GotoAsync("/Clients/Edit?kind=Organisation");
        await page.GetByLabel("Naam organisatie").FillAsync("Groothandel Noord");
        await page.GetByTestId("save-contact").ClickAsync();
        await page.GotoAsync("/Dossiers/New");
        await page.GetByLabel("Zoek de cliënt").FillAsync("groothandel");
        await page.GetByLabel("Zoek de cliënt").PressAsync("Enter");
        await page.GetByTestId("client-candidates").GetByRole(AriaRole.Link, new() { Name = "Groothandel Noord" }).ClickAsync();
        await page.GetByLabel("Titel").FillAsync("Openstaande facturen Winkel Zuid");
        await page.GetByLabel("Soort dossier").FillAsync("incasso");
        await page.GetByTestId("create-dossier").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("0 termijnen en 1 taken");

        // Tomorrow's task on the week's agenda (or next week's, on a Sunday), then the feed.
        await page.GotoAsync("/Agenda?view=list");
        await Assertions.Expect(page.GetByTestId("agenda-item").Filter(new() { HasText = "Sommatiebrief versturen" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("w");
        await Assertions.Expect(page.GetByTestId("agenda-grid")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "59-agenda-week");
        await page.GetByTestId("feed-link").ClickAsync();
        await page.GetByTestId("create-feed").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feed-address")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/calendar/[0-9a-f]{32}[A-Za-z0-9_-]{43}\\.ics$"));
        await Screenshots.SaveAsync(page, "60-calendar-feed");
    }
}
