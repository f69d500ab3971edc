using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Communications;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Privacy;
using LegalCrm.Web.Features.Tasks;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace LegalCrm.IntegrationTests.Privacy;

public sealed class AccessPackageTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task Every_table_that_refers_to_a_contact_is_covered_by_a_personal_data_source()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var covered = scope.ServiceProvider.GetServices<IPersonalDataSource>().SelectMany(s => s.Covers).ToHashSet();
        var referring = db.Model.GetEntityTypes()
            .Where(t => t.ClrType == typeof(Contact) || t.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(Contact)))
            .Select(t => t.ClrType)
            .ToList();
        Assert.Contains(typeof(CommunicationParticipant), referring); // the scan finds them
        Assert.Empty(referring.Where(t => !covered.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public async Task The_package_holds_every_item_about_the_person_from_every_feature_nothing_of_anyone_else_and_what_the_officer_withholds_is_left_out_with_its_reason()
    {
        var firm = await app.CreateFirmAsync("Inzage");
        var officerUser = firm.Users[BuiltInRoles.PrivacyOfficer];
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        Guid petra, jan, bakery;
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var now = DateTimeOffset.UtcNow;
            Contact Person(string first, string last, string phone, string email)
            {
                var c = new Contact { Kind = ContactKind.Person, FirstName = first, LastName = last, CreatedAt = now, UpdatedAt = now, UpdatedBy = "test" };
                c.Phones.Add(new ContactPhone { Kind = PhoneKind.Mobile, Number = phone });
                c.Emails.Add(new ContactEmail { Kind = EmailKind.Private, Address = email, NormalizedAddress = email });
                c.RecomputeNames();
                return c;
            }

            var p = Person("Petra", "Inzage", "+31612345678", "petra@inzage.test");
            p.Addresses.Add(new ContactAddress { Kind = AddressKind.Visit, Street = "Lindengracht 12", PostalCode = "1015 KK", City = "Amsterdam" });
            p.DataSource = "Aangebracht door de werkgever";
            var j = Person("Jan", "Anders", "+31687654321", "jan@anders.test");
            var b = new Contact { Kind = ContactKind.Organisation, OrganisationName = "Bakkerij Oost", CreatedAt = now, UpdatedAt = now, UpdatedBy = "test" };
            b.RecomputeNames();
            db.Contacts.AddRange(p, j, b);
            db.ContactRelationships.Add(new ContactRelationship { FromContactId = p.Id, ToContactId = b.Id, Kind = RelationshipKind.EmployeeOf });
            db.MarketingConsents.Add(new MarketingConsent { ContactId = p.Id, Purpose = MarketingPurpose.Newsletter, Channel = ConsentChannel.Email, GivenOn = new DateOnly(2025, 1, 2), TextShown = "Ja, stuur mij de nieuwsbrief", RecordedBy = "test" });
            db.WorkTasks.Add(new WorkTask { Title = "Petra terugbellen over loonstrook", ContactId = p.Id, AssigneeUserId = firm.Lawyer.Id, CreatedAt = now, UpdatedAt = now, CreatedBy = "test" });
            await db.SaveChangesAsync();
            (petra, jan, bakery) = (p.Id, j.Id, b.Id);
        }

        var own = await NewDossierAsync(lawyer, petra, "Ontslag Petra");
        var others = await NewDossierAsync(lawyer, bakery, "Bakkerij tegen ex-werknemer");
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.Set<DossierParty>().Add(new DossierParty { DossierId = others, ContactId = petra, Role = PartyRole.OpposingParty });
            var document = new LegalCrm.Web.Features.Documents.Document { DossierId = own, Title = "Ontslagbrief werkgever", Category = DocumentCategory.Correspondence, CurrentVersion = 1, CreatedAt = now, UpdatedAt = now, UpdatedBy = "test" };
            db.Documents.Add(document);
            db.DocumentVersions.Add(new DocumentVersion { DocumentId = document.Id, DossierId = own, Number = 1, FileName = "ontslagbrief.pdf", ContentType = "application/pdf", SizeBytes = 10, Sha256 = new string('0', 64), UploadedAt = now, UploadedBy = "test" });
            Communication Logged(CommunicationKind kind, string subject, Guid? dossier, Guid participant, string body) => new()
            {
                Kind = kind,
                Direction = kind == CommunicationKind.Note ? CommunicationDirection.Internal : CommunicationDirection.Incoming,
                OccurredAt = now.AddDays(-3),
                Subject = subject,
                BodyHtml = CommunicationBody.FromMarkdown(body),
                DossierId = dossier,
                ContactId = dossier is null ? participant : null,
                AuthorName = "test",
                UpdatedBy = "test",
                CreatedAt = now,
                UpdatedAt = now,
                Participants = [new CommunicationParticipant { ContactId = participant, Name = "deelnemer", Role = ParticipantRole.From }],
            };
            db.Communications.AddRange(
                Logged(CommunicationKind.Call, "Petra belt over de ontslagbrief", own, petra, "Zij wil **bezwaar** maken."),
                Logged(CommunicationKind.Email, "Petra mailt haar loonstroken", own, petra, "Bijlagen volgen."),
                Logged(CommunicationKind.Note, "Inschatting kansen Petra", own, petra, "Zwakke zaak, niet tegen haar zeggen."),
                Logged(CommunicationKind.Call, "Jan belt over iets anders", null, jan, "Geheim van Jan."));
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await lawyer.GetAsync($"/Clients/{petra}")).StatusCode); // a read for the log

        using var officer = await app.SignedInAsync(officerUser);
        var logged = await officer.SubmitAsync($"/Privacy/Requests/Edit?contact={petra}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Access",
            ["Input.ReceivedOn"] = AmsterdamTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        Guid requestId;
        await using (var scope = app.FirmScope(firm.Id))
        {
            requestId = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().DataSubjectRequests.Where(r => r.ContactId == petra).Select(r => r.Id).SingleAsync();
        }

        var package = $"/Privacy/Requests/Package/{requestId}";
        var unverified = await officer.GetDocumentAsync(package);
        Assert.Contains("Controleer eerst de identiteit", unverified.QuerySelector("[data-testid=package-refused]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(unverified.QuerySelector("[data-testid=download-package]"));
        var refusedDownload = await officer.Http.PostAsync(new Uri(package + "?handler=Download", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", Token(unverified))]));
        Assert.Equal(HttpStatusCode.Redirect, refusedDownload.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Privacy/Requests/Edit/{requestId}", new Dictionary<string, string>
        {
            ["Input.IdentityVerifiedOn"] = AmsterdamTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.IdentityVerifiedHow"] = "Paspoort getoond aan de balie",
        })).StatusCode);
        var edit = await officer.GetDocumentAsync($"/Privacy/Requests/Edit/{requestId}");
        Assert.Equal(package, edit.QuerySelector("[data-testid=open-package]")!.GetAttribute("href"));

        var page = await officer.GetDocumentAsync(package);
        string Row(string text) => page.QuerySelectorAll("[data-key]").Single(r => r.TextContent.Contains(text, StringComparison.Ordinal)).GetAttribute("data-key")!;
        Assert.Contains("Interne notitie", page.QuerySelector($"[data-key='{Row("Inschatting kansen Petra")}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("dossier van een andere cliënt", page.QuerySelector($"[data-key='{Row("Bakkerij tegen ex-werknemer")}']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Jan belt", page.QuerySelector("[data-testid=package-items]")!.TextContent, StringComparison.Ordinal);

        // The officer withholds the call (a reason is required), and releases her role in the bakery's dossier.
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("[data-testid=package-items]")!;
        var call = Row("Petra belt over de ontslagbrief");
        var noReason = await officer.PostFormAsync(form, package + "?handler=Decide", new Dictionary<string, string> { ["withhold"] = "true", ["keys"] = call });
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Contains("Geef de reden", (await officer.GetDocumentAsync(package)).QuerySelector("[data-testid=error-notice]")!.TextContent, StringComparison.Ordinal);
        await officer.PostFormAsync(form, package + "?handler=Decide", new Dictionary<string, string> { ["withhold"] = "true", ["keys"] = call, ["reason"] = "Bevat gegevens van de werkgever (art. 15 lid 4 AVG)" });
        await officer.PostFormAsync(form, package + "?handler=Decide", new Dictionary<string, string> { ["withhold"] = "false", ["keys"] = Row("Bakkerij tegen ex-werknemer") });

        page = await officer.GetDocumentAsync(package);
        var download = await officer.Http.PostAsync(new Uri(package + "?handler=Download", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", Token(page))]));
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["gegevens.json", "overzicht.pdf"], zip.Entries.Select(e => e.FullName).Order().ToArray());
        string json;
        using (var reader = new StreamReader(zip.GetEntry("gegevens.json")!.Open()))
        {
            json = await reader.ReadToEndAsync();
        }

        using var parsed = JsonDocument.Parse(json);
        var sections = parsed.RootElement.GetProperty("sections").EnumerateArray()
            .ToDictionary(s => s.GetProperty("section").GetString()!, s => s.GetProperty("items").EnumerateArray().Select(i => i.GetRawText()).ToList());
        Assert.Equal(["contact", "relationships", "consents", "dossiers", "documents", "communications", "tasks", "requests", "reads"], sections.Keys.ToArray());
        Assert.Contains("+31612345678", sections["contact"].Single(), StringComparison.Ordinal);
        Assert.Contains("Lindengracht 12", sections["contact"].Single(), StringComparison.Ordinal);
        Assert.Contains("Bakkerij Oost", sections["relationships"].Single(), StringComparison.Ordinal);
        Assert.Contains("Ja, stuur mij de nieuwsbrief", sections["consents"].Single(), StringComparison.Ordinal);
        Assert.Equal(2, sections["dossiers"].Count); // her own, and the bakery's one the officer released
        Assert.Contains("ontslagbrief.pdf", sections["documents"].Single(), StringComparison.Ordinal);
        Assert.Contains("Bijlagen volgen.", Assert.Single(sections["communications"]), StringComparison.Ordinal); // the e-mail only
        Assert.Contains("Petra terugbellen", sections["tasks"].Single(), StringComparison.Ordinal);
        Assert.Single(sections["requests"]);
        Assert.Contains(firm.Lawyer.Email.Split('@')[0], sections["reads"].Single(), StringComparison.OrdinalIgnoreCase);
        foreach (var absent in new[] { "+31687654321", "jan@anders.test", "Jan belt", "Geheim van Jan", "Zwakke zaak", "bezwaar" })
        {
            Assert.DoesNotContain(absent, json, StringComparison.Ordinal);
        }

        var withheld = parsed.RootElement.GetProperty("withheld").EnumerateArray().Select(w => w.GetProperty("reason").GetString()).ToList();
        Assert.Equal(2, withheld.Count);
        Assert.Contains("Bevat gegevens van de werkgever (art. 15 lid 4 AVG)", withheld);

        await using var pdfStream = new MemoryStream();
        await using (var entry = zip.GetEntry("overzicht.pdf")!.Open())
        {
            await entry.CopyToAsync(pdfStream);
        }

        using (var pdf = PdfDocument.Open(pdfStream.ToArray()))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            foreach (var expected in new[] { "Uw persoonsgegevens bij Inzage", "Petra Inzage", "Lindengracht", "Cliënt- en dossieradministratie", "Uw rechten", "Autoriteit", "Aangebracht door de werkgever", "Wat dit overzicht weglaat", "Interne notitie" })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("Zwakke", text, StringComparison.Ordinal);
        }

        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var export = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Export && a.EntityId == requestId.ToString());
            using var changes = JsonDocument.Parse(export.Changes!);
            Assert.Equal(2, changes.RootElement.GetProperty("withheld").GetInt32());
            Assert.Equal(64, changes.RootElement.GetProperty("sha256").GetString()!.Length);
            Assert.Equal(2, await db.AccessWithholdings.CountAsync(w => w.RequestId == requestId));
        }

        using var lawyerAgain = await app.SignedInAsync(firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyerAgain.GetAsync(package)).StatusCode);
    }

    private static string Token(IDocument page) => page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

    private static async Task<Guid> NewDossierAsync(CrmClient lawyer, Guid clientId, string title)
    {
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = title });
        return Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
    }
}
