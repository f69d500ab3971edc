using LegalCrm.Web.Features.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegalCrm.BrowserTests;

public sealed class PrivacyJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_privacy_officer_completes_the_firms_details_adds_an_activity_and_exports_the_register_as_pdf()
    {
        var officer = await fixture.App.AddUserAsync(fixture.Firm, BuiltInRoles.PrivacyOfficer, "privacy");
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, officer.Email);
        await page.GetByTestId("nav-privacy").ClickAsync();
        await page.GetByTestId("privacy-nav").GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("activities")).ToContainTextAsync("Cliëntenonderzoek Wwft");
        await Screenshots.SaveAsync(page, "61-privacy-register");

        await page.GetByTestId("edit-controller").ClickAsync();
        await page.GetByLabel("Contactgegevens", new() { Exact = true }).FillAsync("Keizersgracht 1, 1015 CJ Amsterdam · privacy@kantoor.test");
        await page.GetByLabel("Functionaris gegevensbescherming", new() { Exact = true }).FillAsync("mr. P. Rivacy");
        await page.GetByTestId("save-controller").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("zijn opgeslagen");
        await Assertions.Expect(page.GetByTestId("register-completeness")).ToContainTextAsync("Compleet");

        await page.GetByTestId("new-activity").ClickAsync();
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Personeelsadministratie");
        await page.GetByLabel("Doeleinden").FillAsync("Salarisadministratie en personeelsdossiers.");
        await page.GetByTestId("save-activity").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("ontbreken nog");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Personeelsadministratie" })).ToContainTextAsync("ontbreekt");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-pdf").ClickAsync());
        Assert.EndsWith("-v1.pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var header = new byte[5];
        await using (var file = File.OpenRead(path!))
        {
            await file.ReadExactlyAsync(header);
        }

        Assert.Equal("%PDF-"u8.ToArray(), header);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("exports")).ToContainTextAsync("PDF");
        await Screenshots.SaveAsync(page, "62-privacy-register-exported");

        await page.GetByTestId("privacy-nav").GetByRole(AriaRole.Link, new() { Name = "Verwerkers" }).ClickAsync();
        await page.GetByTestId("new-processor").ClickAsync();
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Mailplatform B.V.");
        await page.GetByLabel("Verwerkersovereenkomst getekend op").FillAsync("2025-03-01");
        await page.GetByLabel("Nieuwsbrieven en uitnodigingen").CheckAsync();
        await page.GetByTestId("save-processor").ClickAsync();
        await Assertions.Expect(page.GetByTestId("processors")).ToContainTextAsync("Geen controledatum");
        await Screenshots.SaveAsync(page, "63-privacy-processors");

        await page.GetByTestId("privacy-nav").GetByRole(AriaRole.Link, new() { Name = "Verzoeken" }).ClickAsync();
        await page.GetByTestId("new-request").ClickAsync();
        await page.GetByLabel("Betrokkene", new() { Exact = true }).FillAsync("Karel Inzage");
        await page.GetByLabel("Wat de betrokkene vraagt").FillAsync("Wil een kopie van zijn gegevens.");
        await page.GetByTestId("save-request").ClickAsync();
        await Assertions.Expect(page.GetByTestId("requests")).ToContainTextAsync("Karel Inzage");
        await Assertions.Expect(page.GetByTestId("due").First).ToContainTextAsync("nog");
        await Screenshots.SaveAsync(page, "64-privacy-requests");
    }

    [Fact]
    public async Task The_privacy_officer_registers_a_breach_sees_the_72_hour_clock_and_drafts_the_message_to_the_people()
    {
        var officer = await fixture.App.AddUserAsync(fixture.Firm, BuiltInRoles.PrivacyOfficer, "lekken");
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, officer.Email);
        await page.GotoAsync("/Privacy/Breaches");
        await Assertions.Expect(page.GetByTestId("breaches-empty")).ToBeVisibleAsync();
        await page.GetByTestId("new-breach").ClickAsync();
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("E-mail met processtukken naar verkeerde cliënt");
        await page.GetByLabel("Wat er is gebeurd").FillAsync("Een secretaresse koos het verkeerde adres uit de adressuggesties");
        await page.GetByLabel("vertrouwelijkheid (gegevens ingezien of meegenomen door anderen)").CheckAsync();
        await page.GetByLabel("Geschat aantal personen").FillAsync("1");
        await page.GetByLabel("Genomen maatregelen").FillAsync("Ontvanger gevraagd de e-mail te verwijderen; dat is bevestigd");
        await page.GetByTestId("save-breach").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Datalek 1 is opgeslagen");
        await Assertions.Expect(page.GetByTestId("breach-clock")).ToContainTextAsync("Nog 7");
        await Assertions.Expect(page.GetByTestId("breach-clock")).ToContainTextAsync("Autoriteit Persoonsgegevens");
        await Screenshots.SaveAsync(page, "65-privacy-breach-clock");

        await page.GetByTestId("draft-message").ClickAsync();
        await Assertions.Expect(page.GetByTestId("draft-placed")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Bericht aan de betrokkenen")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("verkeerde adres uit de adressuggesties"));
        await page.GetByTestId("save-breach").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Datalekken" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("clock")).ToContainTextAsync("nog 72 uur");
        await Screenshots.SaveAsync(page, "66-privacy-breaches");
    }

    [Fact]
    public async Task The_privacy_officer_handles_an_access_request_from_the_contact_to_the_downloaded_package()
    {
        var officer = await fixture.App.AddUserAsync(fixture.Firm, BuiltInRoles.PrivacyOfficer, "inzage");
        Guid contactId;
        await using (var scope = fixture.App.FirmScope(fixture.Firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<LegalCrm.Web.Data.CrmDbContext>();
            var contact = new LegalCrm.Web.Features.Clients.Contact
            {
                Kind = LegalCrm.Web.Features.Clients.ContactKind.Person,
                FirstName = "Ilse",
                LastName = "Inzage",
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                UpdatedBy = "test",
            };
            contact.Emails.Add(new LegalCrm.Web.Features.Clients.ContactEmail { Address = "ilse@inzage.test", NormalizedAddress = "ilse@inzage.test" });
            contact.RecomputeNames();
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            contactId = contact.Id;
        }

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, officer.Email);
        await page.GotoAsync($"/Clients/{contactId}");
        await page.GetByTestId("log-privacy-request").ClickAsync();
        await page.GetByLabel("Wat de betrokkene vraagt").FillAsync("Wil weten welke gegevens het kantoor van haar heeft.");
        await page.GetByLabel("Gecontroleerd op").FillAsync(DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Hoe de identiteit is gecontroleerd").FillAsync("Paspoort getoond aan de balie");
        await page.GetByTestId("save-request").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ilse Inzage" }).ClickAsync();
        await page.GetByTestId("open-package").ClickAsync();
        await page.Locator("summary", new() { HasText = "Ilse Inzage" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("package-items")).ToContainTextAsync("ilse@inzage.test");
        await Assertions.Expect(page.GetByTestId("package-items")).ToContainTextAsync("Wie uw gegevens heeft ingezien");
        await Screenshots.SaveAsync(page, "67-privacy-access-package");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-package").ClickAsync());
        Assert.StartsWith("gegevens-IlseInzage-", download.SuggestedFilename, StringComparison.Ordinal);
        using var zip = System.IO.Compression.ZipFile.OpenRead((await download.PathAsync())!);
        Assert.Equal(["gegevens.json", "overzicht.pdf"], zip.Entries.Select(e => e.FullName).Order().ToArray());
    }

    [Fact]
    public async Task The_privacy_officer_sees_what_is_due_runs_a_dry_run_and_deletes_one_record_by_hand_with_a_reason()
    {
        var officer = await fixture.App.AddUserAsync(fixture.Firm, BuiltInRoles.PrivacyOfficer, "bewaren");
        Guid dossierId;
        await using (var scope = fixture.App.FirmScope(fixture.Firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<LegalCrm.Web.Data.CrmDbContext>();
            var contact = new LegalCrm.Web.Features.Clients.Contact
            {
                Kind = LegalCrm.Web.Features.Clients.ContactKind.Organisation,
                OrganisationName = "Oude Bouw B.V.",
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                UpdatedBy = "test",
            };
            contact.RecomputeNames();
            var today = LegalCrm.Web.Infrastructure.Time.AmsterdamTime.Today(TimeProvider.System);
            var dossier = new LegalCrm.Web.Features.Dossiers.Dossier
            {
                Number = "2019-0042",
                Title = "Oude Bouw tegen Aannemer",
                ResponsibleLawyerId = fixture.Firm.Lawyer.Id,
                Status = LegalCrm.Web.Features.Dossiers.DossierStatus.Closed,
                OpenedOn = today.AddYears(-8),
                ClosedOn = today.AddYears(-6),
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                UpdatedBy = "test",
            };
            dossier.Parties.Add(new LegalCrm.Web.Features.Dossiers.DossierParty { ContactId = contact.Id, Role = LegalCrm.Web.Features.Dossiers.PartyRole.OpposingParty });
            db.Contacts.Add(contact);
            db.Dossiers.Add(dossier);
            await db.SaveChangesAsync();
            dossierId = dossier.Id;
        }

        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await BrowserFixture.SignInAsync(page, officer.Email);
        await page.GetByTestId("nav-privacy").ClickAsync();
        await page.GetByTestId("dashboard-deletions").GetByRole(AriaRole.Link, new() { Name = "Te verwijderen" }).ClickAsync();
        var row = page.Locator($"tr[data-id='{dossierId}']");
        await Assertions.Expect(row).ToContainTextAsync("2019-0042 Oude Bouw tegen Aannemer");

        await page.GetByTestId("dry-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dry-run-result")).ToContainTextAsync("Gesloten dossiers");
        await Screenshots.SaveAsync(page, "68-privacy-deletions-due");

        await row.Locator("summary").ClickAsync();
        await row.GetByLabel("Reden").FillAsync("Archief opgeschoond na overleg met de deken");
        await row.GetByRole(AriaRole.Button, new() { Name = "Verwijderen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Verwijderd en vastgelegd in het verwijderlogboek");
        await Assertions.Expect(page.Locator($"tr[data-id='{dossierId}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("deletion-log")).ToContainTextAsync("Archief opgeschoond na overleg met de deken");
    }
}
