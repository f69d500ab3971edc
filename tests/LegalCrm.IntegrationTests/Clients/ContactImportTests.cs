using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LegalCrm.IntegrationTests.Clients;

public sealed class ContactImportTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    static ContactImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private TestFirm _firm = null!;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Import");
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        await client.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Bea",
            ["Input.LastName"] = "Bestaand",
            ["Input.Emails[0].Address"] = "bea@bestaand.nl",
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // Dutch Excel: semicolons, Windows-1252, a particle in the last name, one bad postcode, one repeated e-mail address.
    private static byte[] ExcelFile() => Encoding.GetEncoding(1252).GetBytes(
        "Voornaam;Achternaam;E-mailadres;Telefoon;Postcode;Plaats;Adres\r\n"
        + "Jürgen;Müller;jurgen@muller.de;06-12345678;3511 AB;Utrecht;Oudegracht 1\r\n"
        + "Bea;Bestaand;BEA@bestaand.nl;+31 20 123 4567;;;\r\n"
        + "Karel;van der Fout;karel@fout.nl;;12345;Utrecht;Straat 2\r\n"
        + "Jürgen;Müller;jurgen@muller.de;;;;\r\n");

    [Fact]
    public async Task The_dry_run_shows_what_will_happen_and_saves_no_contact()
    {
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        var before = await CountAsync();

        var review = await UploadAsync(client, "klanten.csv", ExcelFile());
        var plan = await DryRunAsync(client, review);

        Assert.Contains("1", plan.QuerySelector("[data-testid=plan-creates]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1", plan.QuerySelector("[data-testid=plan-updates]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2", plan.QuerySelector("[data-testid=plan-rejects]")!.TextContent, StringComparison.Ordinal);
        var rows = plan.QuerySelector("[data-testid=plan-rows]")!.TextContent;
        Assert.Contains("Postcode: Een Nederlandse postcode", rows, StringComparison.Ordinal);
        Assert.Contains("Regel 2 van dit bestand", rows, StringComparison.Ordinal);
        Assert.Contains("Bea Bestaand", rows, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_person_erased_at_their_request_is_not_brought_back_by_an_import()
    {
        await using (var scope = app.FirmScope(_firm.Id))
        {
            await scope.ServiceProvider.GetRequiredService<LegalCrm.Web.Features.Privacy.Suppressions>().AddAsync(["Jurgen@Muller.de"], CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<CrmDbContext>().SaveChangesAsync();
        }

        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        var plan = await DryRunAsync(client, await UploadAsync(client, "klanten.csv", ExcelFile()));
        Assert.Contains("0", plan.QuerySelector("[data-testid=plan-creates]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("jurgen@muller.de hoort bij een persoon die op eigen verzoek is gewist", plan.QuerySelector("[data-testid=plan-rows]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rejected_rows_file_has_the_original_columns_and_the_reason()
    {
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        var review = await UploadAsync(client, "klanten.csv", ExcelFile());
        await DryRunAsync(client, review);

        var response = await client.GetAsync(review + "?handler=Rejected");
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Voornaam;Achternaam;E-mailadres;Telefoon;Postcode;Plaats;Adres;Regel;Reden", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Karel;van der Fout;karel@fout.nl;;12345;Utrecht;Straat 2;4;Postcode:", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Jürgen;Müller;jurgen@muller.de;;;;;5;", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_creates_new_contacts_updates_matched_ones_and_is_recorded()
    {
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        var review = await UploadAsync(client, "klanten.csv", ExcelFile(), new Dictionary<string, string> { ["DataSource"] = "Lijst van kantoor Oud" });
        var plan = await DryRunAsync(client, review);

        var start = await client.PostFormAsync(plan.QuerySelector<IHtmlFormElement>("form:has([data-testid=start-import])")!, review, new Dictionary<string, string>());
        var done = await client.GetDocumentAsync(review);

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.NotNull(done.QuerySelector("[data-testid=import-done]"));
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var muller = await db.Contacts.Include(c => c.Phones).Include(c => c.Addresses).SingleAsync(c => c.LastName == "Müller");
        Assert.Equal(("Lijst van kantoor Oud", "+31612345678", "3511 AB"), (muller.DataSource, muller.Phones.Single().Number, muller.Addresses.Single().PostalCode));
        var bea = await db.Contacts.Include(c => c.Phones).SingleAsync(c => c.LastName == "Bestaand");
        Assert.Equal("+31201234567", bea.Phones.Single().Number);
        Assert.Equal("Bea", bea.FirstName);
        Assert.False(await db.Contacts.AnyAsync(c => c.LastName == "Fout"));
        var import = await db.ContactImports.SingleAsync(i => i.Id == Guid.Parse(review.Split('/').Last()));
        Assert.Equal((ImportStatus.Completed, 1, 1, 2), (import.Status, import.CreatedCount, import.UpdatedCount, import.RejectedCount));
        Assert.Null(import.Content);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Import && a.EntityId == import.Id.ToString());
        Assert.Equal(_firm.Users["assistant"].Id, audit.UserId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Insert && a.SubjectId == muller.Id));
    }

    [Fact]
    public async Task A_large_file_runs_as_a_background_job_with_progress()
    {
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        var rows = Enumerable.Range(1, ContactImportJob.InlineRows + 100).Select(i => $"Groot{i},groot{i}@voorbeeld.nl");
        var review = await UploadAsync(client, "groot.csv", Encoding.UTF8.GetBytes("last name,email\n" + string.Join("\n", rows)));
        var plan = await DryRunAsync(client, review);

        await client.PostFormAsync(plan.QuerySelector<IHtmlFormElement>("form:has([data-testid=start-import])")!, review, new Dictionary<string, string>());
        var running = await client.GetDocumentAsync(review);
        var status = await PollUntilFinishedAsync(client, review);

        Assert.True(running.QuerySelector("[data-testid=import-progress]") is not null || running.QuerySelector("[data-testid=import-done]") is not null);
        Assert.Equal("Completed", status);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.Equal(ContactImportJob.InlineRows + 100, await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Contacts.CountAsync(c => c.LastName!.StartsWith("Groot")));
    }

    [Fact]
    public async Task An_import_that_fails_half_way_leaves_nothing_behind()
    {
        // A database error on row 300, after the first batches have been written inside the transaction.
        await using (var admin = new NpgsqlConnection(app.Database.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var ddl = new NpgsqlCommand("""
                CREATE OR REPLACE FUNCTION test_refuse_breuk() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN IF NEW.last_name = 'Breuk300' THEN RAISE EXCEPTION 'test failure'; END IF; RETURN NEW; END $$;
                DROP TRIGGER IF EXISTS test_refuse_breuk ON contacts;
                CREATE TRIGGER test_refuse_breuk BEFORE INSERT ON contacts FOR EACH ROW EXECUTE FUNCTION test_refuse_breuk();
                """, admin);
            await ddl.ExecuteNonQueryAsync();
        }

        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        var rows = Enumerable.Range(1, 320).Select(i => $"Breuk{i}");
        var review = await UploadAsync(client, "breuk.csv", Encoding.UTF8.GetBytes("achternaam\n" + string.Join("\n", rows)));
        var plan = await DryRunAsync(client, review);

        await client.PostFormAsync(plan.QuerySelector<IHtmlFormElement>("form:has([data-testid=start-import])")!, review, new Dictionary<string, string>());
        var page = await client.GetDocumentAsync(review);

        Assert.NotNull(page.QuerySelector("[data-testid=import-failed]"));
        Assert.DoesNotContain("test failure", page.Body!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.False(await db.Contacts.AnyAsync(c => c.LastName!.StartsWith("Breuk")));
        var import = await db.ContactImports.SingleAsync(i => i.FileName == "breuk.csv");
        Assert.Equal((ImportStatus.Failed, 0), (import.Status, import.ProcessedRows));
        Assert.Null(import.Content);
    }

    [Fact]
    public async Task A_vcard_file_with_several_cards_is_imported_the_same_way()
    {
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        const string cards = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kaart;Karin;;;\r\nEMAIL:karin@kaart.nl\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Kaartenhuis B.V.\r\nORG:Kaartenhuis B.V.\r\nEND:VCARD\r\n";
        var review = await UploadAsync(client, "kaarten.vcf", Encoding.UTF8.GetBytes(cards));
        var plan = await DryRunAsync(client, review);

        Assert.Contains("2", plan.QuerySelector("[data-testid=plan-creates]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("vCard", plan.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("leeg.csv", "", "Het bestand is leeg.")]
    [InlineData("alleen-kop.csv", "naam;plaats\r\n", "Het bestand heeft een kopregel maar geen rijen om te importeren.")]
    [InlineData("kapot.csv", "naam;notitie\r\nJansen;\"nooit gesloten\r\n", "Een aanhalingsteken dat op regel 2 opent")]
    [InlineData("foto.csv", "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR", "Dit is geen tekstbestand.")]
    public async Task A_file_that_cannot_be_read_is_refused_with_the_reason_and_nothing_is_kept(string name, string content, string message)
    {
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);

        var response = await client.UploadAsync("/Clients/Import", "Upload", name, Encoding.Latin1.GetBytes(content));
        var page = await CrmClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(".field-validation-error")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.False(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().ContactImports.AnyAsync(i => i.FileName == name));
    }

    [Theory]
    [InlineData(ImportFileReader.MaxBytes + 1)]
    [InlineData(ImportFileReader.MaxBytes * 3)]
    public async Task An_enormous_file_is_refused_with_the_reason_and_nothing_is_kept(int size)
    {
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        var content = Encoding.UTF8.GetBytes("naam\r\n" + new string('x', size));

        var response = await client.UploadAsync("/Clients/Import", "Upload", "enorm.csv", content);
        var page = await CrmClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Het bestand is groter dan 10 MB.", page.QuerySelector(".field-validation-error")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.False(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().ContactImports.AnyAsync(i => i.FileName == "enorm.csv"));
    }

    [Fact]
    public async Task Another_firm_cannot_see_an_import_or_its_rejected_rows()
    {
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        var review = await UploadAsync(client, "geheim.csv", ExcelFile());
        var other = await app.CreateFirmAsync("Import other");
        using var stranger = await app.SignedInAsync(other.Users["assistant"]);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(review)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(review + "?handler=Rejected")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(review + "?handler=Progress")).StatusCode);
        Assert.DoesNotContain("geheim.csv", (await stranger.GetDocumentAsync("/Clients/Import")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_import_permission_nothing_can_be_started()
    {
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        var review = await UploadAsync(client, "toegang.csv", ExcelFile());
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var response = await lawyer.Http.PostAsync(new Uri(review + "?handler=Start", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.Null((await lawyer.GetDocumentAsync("/Clients")).QuerySelector("[data-testid=import]"));
    }

    private static async Task<string> UploadAsync(CrmClient client, string name, byte[] content, IDictionary<string, string>? fields = null)
    {
        var response = await client.UploadAsync("/Clients/Import", "Upload", name, content, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<IDocument> DryRunAsync(CrmClient client, string review)
    {
        var page = await client.GetDocumentAsync(review);
        var form = page.QuerySelector<IHtmlFormElement>("[data-testid=import-mapping]")!;
        var mapping = form.QuerySelectorAll<IHtmlSelectElement>("select").Select(s => new KeyValuePair<string, string>(s.Name!, s.Value ?? string.Empty));
        var response = await client.PostFormAsync(form, review + "?handler=Check", new Dictionary<string, string>(mapping));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await CrmClient.ParseAsync(response);
    }

    private static async Task<string> PollUntilFinishedAsync(CrmClient client, string review)
    {
        for (var i = 0; i < 300; i++)
        {
            using var progress = System.Text.Json.JsonDocument.Parse(await (await client.GetAsync(review + "?handler=Progress")).Content.ReadAsStringAsync());
            var status = progress.RootElement.GetProperty("status").GetString()!;
            if (status is not ("Queued" or "Running"))
            {
                return status;
            }

            await Task.Delay(200);
        }

        return "timed out";
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Contacts.CountAsync();
    }
}
