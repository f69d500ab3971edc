using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Clients;

public sealed class ContactEditingTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;

    public async Task InitializeAsync() => _firm = await app.CreateFirmAsync("Editing");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_person_is_created_with_normalised_details_and_becomes_a_numbered_client()
    {
        using var client = await app.SignedInAsync(_firm.Lawyer);

        var first = await CreatePersonAsync(client, "Vries", new()
        {
            ["Input.Initials"] = "a.b.",
            ["Input.NameParticle"] = "De",
            ["Input.IsClient"] = "true",
            ["Input.Phones[0].Number"] = "06-12345678",
            ["Input.Addresses[0].Street"] = "Keizersgracht 1",
            ["Input.Addresses[0].PostalCode"] = "1015cj",
            ["Input.Addresses[0].City"] = "Amsterdam",
            ["Input.Iban"] = "nl91abna0417164300",
            ["Input.Tags"] = "Huur, VIP"
        });
        var second = await CreatePersonAsync(client, "Visser", new() { ["Input.IsClient"] = "true" });

        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var a = await db.Contacts.Include(c => c.Phones).Include(c => c.Addresses).SingleAsync(c => c.Id == first);
        var b = await db.Contacts.SingleAsync(c => c.Id == second);
        Assert.Equal("A.B. de Vries", a.DisplayName);
        Assert.Equal("Vries, A.B. de", a.SortName);
        Assert.Equal("+31612345678", a.Phones.Single().Number);
        Assert.Equal("1015 CJ", a.Addresses.Single().PostalCode);
        Assert.Equal("NL91 ABNA 0417 1643 00", a.Iban);
        Assert.Equal(["huur", "vip"], a.Tags);
        Assert.Equal(a.ClientNumber + 1, b.ClientNumber);
        Assert.NotNull(a.ClientSince);
    }

    [Theory]
    [InlineData("Input.Phones[0].Number", "12345", "Dit is geen geldig telefoonnummer.")]
    [InlineData("Input.Iban", "NL92ABNA0417164300", "Dit IBAN is niet geldig")]
    [InlineData("Input.DateOfBirth", "2999-01-01", "Vul een geboortedatum in het verleden in.")]
    [InlineData("Input.Emails[0].Address", "jan@", "Vul een geldig e-mailadres in.")]
    [InlineData("Input.Addresses[0].PostalCode", "12345", "Een Nederlandse postcode ziet eruit als 1234 AB.")]
    public async Task Bad_details_get_a_message_on_the_field_and_nothing_is_saved(string field, string value, string message)
    {
        using var client = await app.SignedInAsync(_firm.Lawyer);
        var fields = new Dictionary<string, string> { ["Input.LastName"] = "Foutmans", [field] = value };
        if (field.StartsWith("Input.Addresses", StringComparison.Ordinal))
        {
            fields["Input.Addresses[0].Street"] = "Straat 1";
            fields["Input.Addresses[0].City"] = "Utrecht";
        }

        var response = await client.SubmitAsync("/Clients/Edit?kind=Person", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.False(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Contacts.AnyAsync(c => c.LastName == "Foutmans"));
    }

    [Fact]
    public async Task A_one_megabyte_name_is_a_validation_message_and_a_missing_name_too()
    {
        using var client = await app.SignedInAsync(_firm.Lawyer);

        var huge = await client.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.LastName"] = new string('x', 1_000_000) });
        var none = await client.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
        Assert.Contains("mag hoogstens 200 tekens lang zijn", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Vul de naam van de organisatie in.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_refused_naming_who_saved_first()
    {
        var id = await CreatePersonAsync(await app.SignedInAsync(_firm.Lawyer), "Gelijktijdig", []);
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        using var assistant = await app.SignedInAsync(_firm.Users["assistant"]);
        var lawyerForm = await lawyer.GetDocumentAsync($"/Clients/Edit/{id}");
        var assistantForm = await assistant.GetDocumentAsync($"/Clients/Edit/{id}");

        var firstSave = await lawyer.PostFormAsync(Form(lawyerForm), $"/Clients/Edit/{id}", new Dictionary<string, string> { ["Input.FirstName"] = "Eerste" });
        var secondSave = await assistant.PostFormAsync(Form(assistantForm), $"/Clients/Edit/{id}", new Dictionary<string, string> { ["Input.FirstName"] = "Tweede" });

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        Assert.Contains("Advocaat Editing heeft dit contact om", await secondSave.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.Equal("Eerste", await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Contacts.Where(c => c.Id == id).Select(c => c.FirstName).SingleAsync());
    }

    [Fact]
    public async Task The_contact_page_shows_relationships_from_both_sides_and_the_history_of_its_details()
    {
        using var client = await app.SignedInAsync(_firm.Lawyer);
        var person = await CreatePersonAsync(client, "Directeur", []);
        var company = await client.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Staal", ["Input.LegalForm"] = "B.V." });
        var companyId = Guid.Parse(company.Headers.Location!.OriginalString["/Clients/".Length..]);

        var linkPage = await client.GetDocumentAsync($"/Clients/{person}?link=staal");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)linkPage.QuerySelector("[data-testid=link-candidate]")!;
        await client.PostFormAsync(form, $"/Clients/{person}", new Dictionary<string, string> { ["kind"] = "DirectorOf" });
        var saved = await client.SubmitAsync($"/Clients/Edit/{person}", new Dictionary<string, string> { ["Input.Phones[0].Number"] = "020 555 1234" });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var personPage = await client.GetDocumentAsync($"/Clients/{person}");
        var companyPage = await client.GetDocumentAsync($"/Clients/{companyId}");
        Assert.Contains("bestuurder van", personPage.QuerySelector("[data-testid=relationships]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("heeft als bestuurder", companyPage.QuerySelector("[data-testid=relationships]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("+31205551234", personPage.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Achternaam", personPage.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("LastName", personPage.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restricted_contact_is_read_only_and_only_the_privacy_officer_restricts()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreatePersonAsync(lawyer, "Beperkt", []);
        var formBeforeRestriction = await lawyer.GetDocumentAsync($"/Clients/Edit/{id}");
        using var officer = await app.SignedInAsync(_firm.Users["privacy-officer"]);

        Assert.Null((await lawyer.GetDocumentAsync($"/Clients/{id}")).QuerySelector("form[action*='handler=Restrict']"));
        var restricted = await officer.SubmitAsync($"/Clients/{id}", new Dictionary<string, string> { ["reason"] = "Verzoek betrokkene" }, "Restrict");
        var staleSave = await lawyer.PostFormAsync(Form(formBeforeRestriction), $"/Clients/Edit/{id}", new Dictionary<string, string> { ["Input.LastName"] = "Gewijzigd" });
        var editPage = await lawyer.GetAsync($"/Clients/Edit/{id}");

        Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staleSave.StatusCode);
        Assert.Contains("De verwerking van dit contact is beperkt", await staleSave.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("De verwerking van dit contact is beperkt", await editPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.Equal("Beperkt", await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Contacts.Where(c => c.Id == id).Select(c => c.LastName).SingleAsync());
    }

    [Fact]
    public async Task Another_firms_contact_is_not_found()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreatePersonAsync(lawyer, "Geheim", []);
        var other = await app.CreateFirmAsync("Nosy");
        using var nosy = await app.SignedInAsync(other.Lawyer);

        Assert.Equal(HttpStatusCode.NotFound, (await nosy.GetAsync($"/Clients/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nosy.GetAsync($"/Clients/Edit/{id}")).StatusCode);
    }

    private static AngleSharp.Html.Dom.IHtmlFormElement Form(AngleSharp.Dom.IDocument page) =>
        (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=contact-form]")!;

    private static async Task<Guid> CreatePersonAsync(CrmClient client, string lastName, Dictionary<string, string> fields)
    {
        fields["Input.LastName"] = lastName;
        var response = await client.SubmitAsync("/Clients/Edit?kind=Person", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString["/Clients/".Length..]);
    }

    [Fact]
    public async Task The_contact_page_lists_the_open_deadlines_and_latest_documents_of_the_dossiers_the_reader_may_see()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var created = await lawyer.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.FirstName"] = "Dirk", ["Input.LastName"] = "Dossierhouder" });
        var contact = created.Headers.Location!.OriginalString;
        var dossierResponse = await lawyer.SubmitAsync($"/Dossiers/New?client={contact["/Clients/".Length..]}", new Dictionary<string, string> { ["Input.Title"] = "Huurgeschil Dirk" });
        var dossier = Guid.Parse(dossierResponse.Headers.Location!.OriginalString.Split('/')[2]);
        await lawyer.UploadAsync($"/Dossiers/{dossier}/Documents", "files",
            [("huurcontract.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))]);
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<LegalCrm.Web.Data.CrmDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.Deadlines.Add(new LegalCrm.Web.Features.Deadlines.Deadline
            {
                DossierId = dossier,
                Title = "Conclusie van antwoord",
                DueDate = new DateOnly(2027, 1, 12),
                Kind = LegalCrm.Web.Features.Deadlines.DeadlineKind.Fatal,
                ResponsibleUserIds = [_firm.Lawyer.Id],
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        var page = await lawyer.GetDocumentAsync(contact);
        Assert.Contains("Conclusie van antwoord", page.QuerySelector("[data-testid=contact-deadlines]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("huurcontract", page.QuerySelector("[data-testid=contact-documents]")!.TextContent, StringComparison.Ordinal);

        // A colleague who does not work on the dossier sees neither.
        var colleague = await app.AddUserAsync(_firm, LegalCrm.Web.Features.Access.BuiltInRoles.Lawyer, "collega");
        using var other = await app.SignedInAsync(colleague);
        var theirs = await other.GetDocumentAsync(contact);
        Assert.Contains("Geen openstaande termijnen", theirs.QuerySelector("[data-testid=contact-deadlines]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Geen documenten", theirs.QuerySelector("[data-testid=contact-documents]")!.TextContent, StringComparison.Ordinal);
    }
}
