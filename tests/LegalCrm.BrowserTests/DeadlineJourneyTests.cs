using Microsoft.Playwright;

namespace LegalCrm.BrowserTests;

public sealed class DeadlineJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_lawyer_computes_an_appeal_deadline_from_the_judgment_date_sees_it_on_the_dossier_in_the_list_and_on_the_agenda_and_completes_a_task()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, fixture.Firm.Lawyer.Email);
        await page.GotoAsync("/Clients/Edit?kind=Organisation");
        await page.GetByLabel("Naam organisatie").FillAsync("Installatiebedrijf West");
        await page.GetByTestId("save-contact").ClickAsync();
        await page.GotoAsync("/Dossiers/New");
        await page.GetByLabel("Zoek de cliënt").FillAsync("installatiebedrijf");
        await page.GetByLabel("Zoek de cliënt").PressAsync("Enter");
        await page.GetByTestId("client-candidates").GetByRole(AriaRole.Link, new() { Name = "Installatiebedrijf West" }).ClickAsync();
        await page.GetByLabel("Titel").FillAsync("Hoger beroep huurgeschil");
        await page.GetByTestId("create-dossier").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Hoger beroep huurgeschil" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-deadlines")).ToContainTextAsync("Geen openstaande termijnen.");

        await page.GetByTestId("add-deadline").ClickAsync();
        await page.GetByTestId("deadline-rule").SelectOptionAsync(new SelectOptionValue { Label = "Hoger beroep · 3 maanden · art. 339 Rv" });
        await page.GetByTestId("deadline-event-date").FillAsync("2027-02-07");
        await page.GetByTestId("deadline-calculate").ClickAsync();

        // 7 May 2027 is a designated day (a Friday), then the weekend: Monday 10 May.
        await Assertions.Expect(page.GetByTestId("deadline-explanation")).ToContainTextAsync("3 maanden na 07-02-2027 = 07-05-2027, een bij besluit gelijkgestelde dag → Maandag 10-05-2027 (art. 1 Atw)");
        await Assertions.Expect(page.GetByTestId("deadline-due")).ToHaveValueAsync("2027-05-10");
        await Assertions.Expect(page.GetByTestId("deadline-title")).ToHaveValueAsync("Hoger beroep");
        await Screenshots.SaveAsync(page, "50-compute-deadline");
        await page.GetByTestId("save-deadline").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De termijn is toegevoegd: maandag 10 mei 2027.");
        await Assertions.Expect(page.GetByTestId("open-deadlines")).ToContainTextAsync("Hoger beroep");
        await Assertions.Expect(page.GetByTestId("close-warning")).ToContainTextAsync("1 openstaande termijnen");
        await Screenshots.SaveAsync(page, "51-dossier-deadlines");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Termijnen" }).ClickAsync();
        var list = page.GetByTestId("deadlines");
        await Assertions.Expect(list).ToContainTextAsync("ma 10 mei 2027");
        await Assertions.Expect(list).ToContainTextAsync("Fataal");
        await Screenshots.SaveAsync(page, "52-deadline-list");

        // On the agenda: the month before it, then "J" (next) from the keyboard to May 2027.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Agenda" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("agenda-grid")).ToBeVisibleAsync();
        await page.GotoAsync("/Agenda?view=month&date=2027-04-01");
        await Assertions.Expect(page.GetByTestId("agenda-heading")).ToHaveTextAsync("april 2027");
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.GetByTestId("agenda-heading")).ToHaveTextAsync("mei 2027");
        var mayTenth = page.GetByRole(AriaRole.Region, new() { Name = "maandag 10 mei" });
        await Assertions.Expect(mayTenth.GetByTestId("agenda-item")).ToContainTextAsync("Hoger beroep");
        await Assertions.Expect(mayTenth.GetByTestId("agenda-item")).ToContainTextAsync("Fataal");
        await Screenshots.SaveAsync(page, "57-agenda-month");
        await mayTenth.GetByRole(AriaRole.Link, new() { Name = "Hoger beroep" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("deadline-explanation")).ToContainTextAsync("art. 1 Atw");
        await page.GetByTestId("complete-deadline").ClickAsync();
        await Assertions.Expect(page.GetByTestId("deadline-status")).ToHaveTextAsync("Afgerond");
        await Screenshots.SaveAsync(page, "53-deadline-done");

        // A task in the same dossier, for the lawyer, due tomorrow: on the dashboard's week, in "my tasks", then done.
        await page.GetByRole(AriaRole.Link, new() { Name = "Hoger beroep huurgeschil" }).First.ClickAsync();
        await page.GetByTestId("add-task").ClickAsync();
        await page.GetByTestId("task-title").FillAsync("Procesdossier samenstellen");
        await page.GetByTestId("task-due").FillAsync(DateTime.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Screenshots.SaveAsync(page, "54-new-task");
        await page.GetByTestId("save-task").ClickAsync();
        await Assertions.Expect(page.GetByTestId("open-tasks")).ToContainTextAsync("Procesdossier samenstellen");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Taken" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("tasks")).ToContainTextAsync("Procesdossier samenstellen");
        await Screenshots.SaveAsync(page, "55-my-tasks");
        await page.GetByTestId("tasks").GetByRole(AriaRole.Link, new() { Name = "Procesdossier samenstellen" }).ClickAsync();
        await page.GetByTestId("complete-task").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-status")).ToHaveTextAsync("Afgerond");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("deadline-widgets")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "56-dashboard-deadlines");
    }
}
