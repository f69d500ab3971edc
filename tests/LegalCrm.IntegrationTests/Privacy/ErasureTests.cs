using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Communications;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Privacy;
using LegalCrm.Web.Features.Tasks;
using LegalCrm.Web.Infrastructure.Database;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Privacy;

public sealed class ErasureTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    private static readonly string Today = AmsterdamTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task After_erasure_a_dump_of_the_database_and_the_document_store_hold_no_trace_of_the_name_email_or_phone()
    {
        var firm = await app.CreateFirmAsync("Wissen");
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        var (rosalie, bakery) = await SeedAsync(firm, "Rosalie", "Wisselink", "rosalie.wisselink@wis.test", "06-11223344");
        // Traces elsewhere: an edit (audit rows with old and new values), a read, a closed dossier of another client
        // in which she is the opposing party and a call in it, a reminder about her request.
        Assert.Equal(HttpStatusCode.Redirect, (await lawyer.SubmitAsync($"/Clients/Edit/{rosalie}", new Dictionary<string, string> { ["Input.Notes"] = "Rosalie Wisselink belt vaak 's avonds" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lawyer.GetAsync($"/Clients/{rosalie}")).StatusCode);
        var dossier = await NewDossierAsync(lawyer, bakery, "Bakkerij tegen ex-werknemer");
        var upload = await lawyer.UploadAsync($"/Dossiers/{dossier}/Documents", "files",
            [("eindafrekening.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))]);
        Assert.True(upload.IsSuccessStatusCode || upload.StatusCode == HttpStatusCode.Redirect);
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Set<DossierParty>().Add(new DossierParty { DossierId = dossier, ContactId = rosalie, Role = PartyRole.OpposingParty });
            db.Communications.Add(Call("Telefoon wederpartij over de eindafrekening", dossier, null, rosalie, "Rosalie Wisselink (rosalie.wisselink@wis.test)"));
            await db.SaveChangesAsync();
            var closed = await db.Dossiers.SingleAsync(d => d.Id == dossier);
            closed.Status = DossierStatus.Closed;
            closed.ClosedOn = AmsterdamTime.Today(TimeProvider.System).AddYears(-1);
            await db.SaveChangesAsync();
        }

        using var officer = await app.SignedInAsync(firm.Users[BuiltInRoles.PrivacyOfficer]);
        var request = await LogRequestAsync(officer, firm, rosalie, received: AmsterdamTime.Today(TimeProvider.System).AddDays(-25), verified: false);
        var reminders = new PrivacyReminders(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PrivacyReminders>.Instance);
        Assert.True(await reminders.SendForFirmAsync(firm.Id, CancellationToken.None) > 0);

        var erasure = $"/Privacy/Requests/Erasure/{request}";
        var unverified = await officer.GetDocumentAsync(erasure);
        Assert.Contains("Controleer eerst de identiteit", unverified.QuerySelector("[data-testid=erasure-refused]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(unverified.QuerySelector("[data-testid=execute-erasure]"));
        await VerifyAsync(officer, request);

        var preview = await officer.GetDocumentAsync(erasure);
        var rows = preview.QuerySelectorAll("[data-testid=erasure-preview] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Rollen in dossiers", StringComparison.Ordinal) && r.Contains("Bewaren", StringComparison.Ordinal) && r.Contains("bewaard tot", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Toestemmingen", StringComparison.Ordinal) && r.Contains("Wissen", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Persoons- en contactgegevens", StringComparison.Ordinal) && r.Contains("Pseudonimiseren", StringComparison.Ordinal));

        await using (var scope = app.FirmScope(firm.Id))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<LegalCrm.Web.Features.Audit.AuditChainSealer>().SealAsync() > 0);
        }

        var executed = await officer.SubmitAsync(erasure, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, executed.StatusCode);
        var log = await officer.GetDocumentAsync(erasure);
        Assert.Contains("Persoon ", log.QuerySelector("[data-testid=erasure-log]")!.TextContent, StringComparison.Ordinal);

        var letter = await officer.GetAsync($"/Privacy/Requests/Edit/{request}?handler=Letter");
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType!.MediaType);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await letter.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            foreach (var expected in new[] { "Uw verzoek van", "blokkeerlijst", "Wat wij moeten bewaren", "bewaard tot", "Autoriteit Persoonsgegevens", "Persoon" })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }
        }

        // The audit chain survives the anonymisation: sealed before and after, it still verifies (decision 0020).
        await using (var scope = app.FirmScope(firm.Id))
        {
            var chain = await scope.ServiceProvider.GetRequiredService<LegalCrm.Web.Features.Audit.AuditChainVerification>().RunAsync(progress: null);
            Assert.True(chain.Intact, string.Join("; ", chain.Problems));
            Assert.True(chain.Anonymised > 0);
        }

        var dump = await DumpAsync();
        Assert.Contains("Bakkerij tegen ex-werknemer", dump, StringComparison.Ordinal); // the dump is the real one
        foreach (var trace in new[] { "Wisselink", "wisselink", "WISSELINK", "11223344", "rosalie.wisselink@wis.test" })
        {
            Assert.DoesNotContain(trace, dump, StringComparison.Ordinal);
        }

        var stored = Directory.EnumerateFiles(app.DocumentsPath, "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(stored);
        foreach (var file in stored)
        {
            Assert.DoesNotContain("Wisselink", await File.ReadAllTextAsync(file), StringComparison.OrdinalIgnoreCase);
        }

        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            // Kept as a pseudonym, because the bakery's dossier is kept; what was hers alone is gone.
            var kept = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == rosalie);
            Assert.StartsWith("Persoon ", kept.DisplayName, StringComparison.Ordinal);
            Assert.True(await db.Set<DossierParty>().AnyAsync(p => p.ContactId == rosalie && p.DossierId == dossier));
            Assert.False(await db.MarketingConsents.AnyAsync(m => m.ContactId == rosalie));
            Assert.False(await db.WorkTasks.AnyAsync(t => t.ContactId == rosalie));
            Assert.False(await db.Communications.AnyAsync(c => c.ContactId == rosalie));
            var call = await db.Communications.Include(c => c.Participants).SingleAsync(c => c.DossierId == dossier);
            Assert.Equal(kept.DisplayName, call.Participants.Single().Name);
            var request1 = await db.DataSubjectRequests.AsNoTracking().SingleAsync(r => r.Id == request);
            Assert.Equal(kept.DisplayName, request1.PersonName);
            var entry = await db.ErasureLog.AsNoTracking().SingleAsync(e => e.RequestId == request);
            Assert.Equal(kept.DisplayName, entry.Pseudonym);
            Assert.Contains("\"Delete\"", entry.Outcome, StringComparison.Ordinal);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Erasure && a.EntityId == request.ToString()));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "audit.anonymised" && a.SubjectId == rosalie));

            // The suppression list knows her address and number without holding them.
            var suppressed = await scope.ServiceProvider.GetRequiredService<Suppressions>().SuppressedAsync(["ROSALIE.wisselink@wis.test", "+31 6 1122 3344", "someone@else.test"], CancellationToken.None);
            Assert.Equal(2, suppressed.Count);
            Assert.DoesNotContain("someone@else.test", suppressed);
        }
    }

    [Fact]
    public async Task A_person_under_legal_hold_cannot_be_erased_and_a_current_client_keeps_their_identity()
    {
        var firm = await app.CreateFirmAsync("Bewaren");
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        var (held, _) = await SeedAsync(firm, "Harm", "Vastgehouden", "harm@hold.test", "0201234567");
        var (client, _) = await SeedAsync(firm, "Clara", "Client", "clara@client.test", "0207654321");
        await NewDossierAsync(lawyer, client, "Arbeidszaak Clara");
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.LegalHolds.Add(new LegalHold { ContactId = held, Reason = "Aansprakelijkstelling beroepsfout aangekondigd", PlacedAt = DateTimeOffset.UtcNow, PlacedBy = "test" });
            await db.SaveChangesAsync();
        }

        using var officer = await app.SignedInAsync(firm.Users[BuiltInRoles.PrivacyOfficer]);
        var heldRequest = await LogRequestAsync(officer, firm, held, AmsterdamTime.Today(TimeProvider.System), verified: true);
        var refused = await officer.GetDocumentAsync($"/Privacy/Requests/Erasure/{heldRequest}");
        Assert.Contains("juridische bewaarplicht", refused.QuerySelector("[data-testid=erasure-refused]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Aansprakelijkstelling", refused.QuerySelector("[data-testid=erasure-refused]")!.TextContent, StringComparison.Ordinal);
        var token = refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forced = await officer.Http.PostAsync(new Uri($"/Privacy/Requests/Erasure/{heldRequest}", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.Contains("juridische bewaarplicht", (await officer.GetDocumentAsync($"/Privacy/Requests/Erasure/{heldRequest}")).QuerySelector("[data-testid=error-notice]")!.TextContent, StringComparison.Ordinal);

        var clientRequest = await LogRequestAsync(officer, firm, client, AmsterdamTime.Today(TimeProvider.System), verified: true);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Privacy/Requests/Erasure/{clientRequest}", new Dictionary<string, string>())).StatusCode);

        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var harm = await db.Contacts.AsNoTracking().Include(c => c.Emails).SingleAsync(c => c.Id == held);
            Assert.Equal("Harm Vastgehouden", harm.DisplayName);
            Assert.Single(harm.Emails);
            Assert.True(await db.MarketingConsents.AnyAsync(m => m.ContactId == held));
            Assert.False(await db.ErasureLog.AnyAsync(e => e.RequestId == heldRequest));

            // Clara is a client with an open dossier: her identity stays (Wwft), her consents and loose ends go.
            var clara = await db.Contacts.AsNoTracking().Include(c => c.Emails).SingleAsync(c => c.Id == client);
            Assert.Equal("Clara Client", clara.DisplayName);
            Assert.Single(clara.Emails);
            Assert.False(await db.MarketingConsents.AnyAsync(m => m.ContactId == client));
            Assert.False(await db.WorkTasks.AnyAsync(t => t.ContactId == client));
            var entry = await db.ErasureLog.AsNoTracking().SingleAsync(e => e.RequestId == clientRequest);
            Assert.Null(entry.Pseudonym);
            Assert.Contains("Wwft", entry.Outcome, StringComparison.Ordinal);
        }
    }

    private async Task<(Guid Person, Guid Organisation)> SeedAsync(TestFirm firm, string first, string last, string email, string phone)
    {
        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = DateTimeOffset.UtcNow;
        var person = new Contact { Kind = ContactKind.Person, FirstName = first, LastName = last, DateOfBirth = new DateOnly(1984, 5, 6), CreatedAt = now, UpdatedAt = now, UpdatedBy = "test" };
        person.Emails.Add(new ContactEmail { Kind = EmailKind.Private, Address = email, NormalizedAddress = email });
        person.Phones.Add(new ContactPhone { Kind = PhoneKind.Mobile, Number = phone });
        person.Addresses.Add(new ContactAddress { Kind = AddressKind.Visit, Street = "Wisselweg 7", PostalCode = "9999 ZZ", City = "Wisseloord" });
        person.RecomputeNames();
        var org = new Contact { Kind = ContactKind.Organisation, OrganisationName = $"Werkgever van {first}", CreatedAt = now, UpdatedAt = now, UpdatedBy = "test" };
        org.RecomputeNames();
        db.Contacts.AddRange(person, org);
        db.ContactRelationships.Add(new ContactRelationship { FromContactId = person.Id, ToContactId = org.Id, Kind = RelationshipKind.EmployeeOf });
        db.MarketingConsents.Add(new MarketingConsent { ContactId = person.Id, Purpose = MarketingPurpose.Newsletter, Channel = ConsentChannel.Email, GivenOn = new DateOnly(2025, 1, 2), TextShown = $"Ja, {first}", RecordedBy = "test" });
        db.WorkTasks.Add(new WorkTask { Title = $"{first} {last} terugbellen", ContactId = person.Id, AssigneeUserId = firm.Lawyer.Id, CreatedAt = now, UpdatedAt = now, CreatedBy = "test" });
        db.Communications.Add(Call($"{first} {last} belt over haar loon", null, person.Id, person.Id, $"{first} {last}"));
        db.Communications.Add(Call("Werkgever belt", null, org.Id, person.Id, $"{first} {last}"));
        await db.SaveChangesAsync();
        return (person.Id, org.Id);
    }

    private static Communication Call(string subject, Guid? dossier, Guid? contact, Guid participant, string participantName) => new()
    {
        Kind = CommunicationKind.Call,
        Direction = CommunicationDirection.Incoming,
        OccurredAt = DateTimeOffset.UtcNow.AddDays(-3),
        Subject = subject,
        BodyHtml = CommunicationBody.FromMarkdown("Over de afrekening."),
        DossierId = dossier,
        ContactId = contact,
        AuthorName = "test",
        UpdatedBy = "test",
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
        Participants = [new CommunicationParticipant { ContactId = participant, Name = participantName, Role = ParticipantRole.Caller }],
    };

    private async Task<Guid> LogRequestAsync(CrmClient officer, TestFirm firm, Guid contact, DateOnly received, bool verified)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Erasure",
            ["Input.ReceivedOn"] = received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Description"] = "Wil dat alles over haar wordt gewist.",
        };
        if (verified)
        {
            fields["Input.IdentityVerifiedOn"] = Today;
            fields["Input.IdentityVerifiedHow"] = "Paspoort aan de balie";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Privacy/Requests/Edit?contact={contact}", fields)).StatusCode);
        await using var scope = app.FirmScope(firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().DataSubjectRequests.Where(r => r.ContactId == contact).Select(r => r.Id).SingleAsync();
    }

    private static async Task VerifyAsync(CrmClient officer, Guid request) =>
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Privacy/Requests/Edit/{request}", new Dictionary<string, string>
        {
            ["Input.IdentityVerifiedOn"] = Today,
            ["Input.IdentityVerifiedHow"] = "Paspoort aan de balie",
        })).StatusCode);

    private static async Task<Guid> NewDossierAsync(CrmClient lawyer, Guid clientId, string title)
    {
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = title });
        return Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
    }

    /// <summary>A plain-text dump of the whole test database, as an attacker with the backup would read it.</summary>
    private async Task<string> DumpAsync()
    {
        using var output = new MemoryStream();
        await PostgresTools.RunAsync("pg_dump", app.Database.AdminConnectionString, ["--data-only"], null, CancellationToken.None, output: output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
