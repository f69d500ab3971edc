using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Communications;
using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Privacy;
using LegalCrm.Web.Features.Tasks;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LegalCrm.IntegrationTests.Privacy;

public sealed class RetentionSweepTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    private static DateOnly Today => AmsterdamTime.Today(TimeProvider.System);

    private RetentionSweep Sweep => new(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<RetentionSweep>.Instance);

    [Fact]
    public async Task The_sweep_disposes_of_exactly_the_expired_records_skips_holds_logs_each_and_does_nothing_the_second_time()
    {
        var firm = await app.CreateFirmAsync("Opruimen");
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        // A former client whose one dossier closed six years ago, with a call, a task, a deadline and an uploaded document in it.
        var former = await ContactAsync(firm, "Frits", "Vroeger", client: true, createdYearsAgo: 8);
        var expired = await NewDossierAsync(lawyer, former, "Frits Vroeger tegen Verhuurder");
        var upload = await lawyer.UploadAsync($"/Dossiers/{expired}/Documents", "files", [("huurcontract.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray())]);
        Assert.True(upload.IsSuccessStatusCode || upload.StatusCode == HttpStatusCode.Redirect);
        Guid expiredVersion;
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            expiredVersion = await db.DocumentVersions.Where(v => v.DossierId == expired).Select(v => v.Id).SingleAsync();
            db.Communications.Add(Call("Frits Vroeger belt over de huur", expired, former));
            db.WorkTasks.Add(new WorkTask { Title = "Huurcontract opvragen", DossierId = expired, AssigneeUserId = firm.Lawyer.Id, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, CreatedBy = "test" });
            db.Deadlines.Add(new Deadline { DossierId = expired, Title = "Conclusie van antwoord", DueDate = Today.AddYears(-7), Status = DeadlineStatus.Open, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, CreatedBy = "test" });
            await db.SaveChangesAsync();
        }

        await CloseAsync(firm, expired, Today.AddYears(-6));
        Assert.True(File.Exists(StoredFile(firm, expiredVersion)));

        var client = await ContactAsync(firm, "Carla", "Cliënt", client: true, createdYearsAgo: 8);
        var recent = await DossierAsync(firm, client, "Carla tegen Werkgever", Today.AddYears(-4));
        var held = await DossierAsync(firm, client, "Carla tegen Buurman", Today.AddYears(-6));
        var criminal = await DossierAsync(firm, client, "Strafzaak Carla", Today.AddYears(-6), practiceArea: "Strafrecht");
        var lastDay = await DossierAsync(firm, client, "Carla laatste dag", Today.AddYears(-5));
        var dayPast = await DossierAsync(firm, client, "Carla dag over", Today.AddYears(-5).AddDays(-1));
        var open = await DossierAsync(firm, client, "Carla lopend", closedOn: null);
        var prospect = await ContactAsync(firm, "Piet", "Prospect", client: false, createdYearsAgo: 2);
        var recentProspect = await ContactAsync(firm, "Rita", "Recent", client: false, createdYearsAgo: 2);
        var contactPerson = await ContactAsync(firm, "Koos", "Contactpersoon", client: false, createdYearsAgo: 3);
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Communications.Add(Call("Rita Recent vraagt om een offerte", null, recentProspect, DateTimeOffset.UtcNow.AddMonths(-3)));
            db.ContactRelationships.Add(new ContactRelationship { FromContactId = contactPerson, ToContactId = client, Kind = RelationshipKind.EmployeeOf });
            db.LegalHolds.Add(new LegalHold { DossierId = held, Reason = "Tuchtklacht loopt", PlacedAt = DateTimeOffset.UtcNow, PlacedBy = "test" });
            // Criminal cases are kept ten years at this firm.
            db.RetentionPolicies.Add(new RetentionPolicy { Category = RetentionCategory.ClosedDossiers, PracticeArea = "Strafrecht", PeriodMonths = 120, StartsAt = RetentionStart.DossierClosed, Action = RetentionAction.Delete, UpdatedAt = DateTimeOffset.UtcNow });
            (await db.Firms.SingleAsync()).RetentionMode = RetentionMode.Automatic;
            await db.SaveChangesAsync();
        }

        var result = await Sweep.SweepFirmAsync(firm.Id, CancellationToken.None);

        Assert.False(result.Queued);
        Assert.Equal(1, result.Blocked);
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var dossiers = await db.Dossiers.Select(d => d.Id).ToListAsync();
            Assert.DoesNotContain(expired, dossiers);
            Assert.DoesNotContain(dayPast, dossiers);
            Assert.Equal(new[] { recent, held, criminal, lastDay, open }.Order(), dossiers.Order());
            Assert.False(await db.Communications.AnyAsync(c => c.DossierId == expired));
            Assert.False(await db.WorkTasks.AnyAsync(t => t.DossierId == expired));
            Assert.False(await db.Deadlines.AnyAsync(d => d.DossierId == expired));
            Assert.False(await db.Documents.AnyAsync(d => d.DossierId == expired));
            Assert.False(File.Exists(StoredFile(firm, expiredVersion)));

            var contacts = await db.Contacts.ToDictionaryAsync(c => c.Id);
            Assert.False(contacts.ContainsKey(prospect));
            Assert.True(contacts.ContainsKey(recentProspect));
            Assert.True(contacts.ContainsKey(contactPerson));
            // The former client's identity went after the Wwft period: a pseudonym remains, nothing else.
            Assert.StartsWith("Persoon ", contacts[former].DisplayName, StringComparison.Ordinal);
            Assert.NotNull(contacts[former].AnonymisedAt);
            Assert.Equal("Carla Cliënt", contacts[client].DisplayName);

            var log = await db.ErasureLog.Where(e => e.RequestId == null).ToListAsync();
            Assert.Equal(4, log.Count);
            Assert.Equal(2, log.Count(e => e.Category == RetentionCategory.ClosedDossiers && e.Record != null));
            Assert.Contains(log, e => e.Category == RetentionCategory.Prospects && e.SubjectId == prospect);
            Assert.Contains(log, e => e.Category == RetentionCategory.WwftRecords && e.SubjectId == former);
            var dossierLog = log.Single(e => e.SubjectId == expired);
            Assert.Contains(dossierLog.Lines(), x => x.Category == "Communications" && x.Count == 1);
            Assert.Contains(dossierLog.Lines(), x => x.Category == "Documents and their files" && x.Count == 1);
            Assert.All(log, e => Assert.DoesNotContain("Vroeger", e.Outcome, StringComparison.Ordinal));
            Assert.All(log, e => Assert.DoesNotContain("Prospect", e.Outcome, StringComparison.Ordinal));
            Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Retention));
            // What had to go is not kept in the trail either.
            Assert.Equal(0, await AuditRowsMentioningAsync(db, "Verhuurder"));
            Assert.Equal(0, await AuditRowsMentioningAsync(db, "Piet Prospect"));
            Assert.Equal(0, await AuditRowsMentioningAsync(db, "Frits Vroeger"));
        }

        var again = await Sweep.SweepFirmAsync(firm.Id, CancellationToken.None);
        Assert.Equal(0, again.Disposed);
        Assert.Equal(1, again.Due);
        await using (var scope = app.FirmScope(firm.Id))
        {
            Assert.Equal(4, await scope.ServiceProvider.GetRequiredService<CrmDbContext>().ErasureLog.CountAsync(e => e.RequestId == null));
        }
    }

    [Fact]
    public async Task In_approval_mode_the_sweep_only_tells_the_officer_who_sees_a_dry_run_and_approves_on_the_page()
    {
        var firm = await app.CreateFirmAsync("Akkoord");
        var client = await ContactAsync(firm, "Anna", "Akkoord", client: true, createdYearsAgo: 1);
        var expired = await DossierAsync(firm, client, "Anna tegen Aannemer", Today.AddYears(-7));
        await DossierAsync(firm, client, "Anna tegen Bank", Today.AddYears(-5).AddDays(10));
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Communications.Add(Call("Anna belt over de aannemer", expired, client));
            await db.SaveChangesAsync();
        }

        var result = await Sweep.SweepFirmAsync(firm.Id, CancellationToken.None);
        Assert.True(result.Queued);
        Assert.Equal(0, result.Disposed);
        await Sweep.SweepFirmAsync(firm.Id, CancellationToken.None);
        var officerUser = firm.Users[BuiltInRoles.PrivacyOfficer];
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.True(await db.Dossiers.AnyAsync(d => d.Id == expired));
            // Told once, however often the sweep runs while nothing new becomes due.
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == officerUser.Id && n.Link == "/Privacy/Retention/Due"));
        }

        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Privacy/Retention/Due")).StatusCode);

        using var officer = await app.SignedInAsync(officerUser);
        var overview = await officer.GetDocumentAsync("/Privacy");
        Assert.Contains("Van 1 gegevens is de bewaartermijn verstreken", overview.QuerySelector("[data-testid=dashboard-deletions]")!.TextContent, StringComparison.Ordinal);
        // Within 30 days: the other dossier, and with it the end of the Wwft period for Anna (five years after her last dossier closed).
        Assert.Contains("nog 2", overview.QuerySelector("[data-testid=dashboard-deletions]")!.TextContent, StringComparison.Ordinal);
        var page = await officer.GetDocumentAsync("/Privacy/Retention/Due");
        var lists = page.QuerySelectorAll("[data-testid=retention-items]");
        Assert.Equal(2, lists.Length);
        Assert.Contains("Anna tegen Aannemer", lists[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Anna tegen Bank", lists[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Anna Akkoord", lists[1].TextContent, StringComparison.Ordinal);

        var dry = (await officer.GetDocumentAsync("/Privacy/Retention/Due?dry=true")).QuerySelector("[data-testid=dry-run-result]")!;
        Assert.Contains("Communicatie", dry.TextContent, StringComparison.Ordinal);
        Assert.Contains(dry.QuerySelectorAll("tr"), row => row.TextContent.Contains("Communicatie", StringComparison.Ordinal) && row.Children[1].TextContent == "1");
        await using (var scope = app.FirmScope(firm.Id))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Communications.AnyAsync(c => c.DossierId == expired));
        }

        var approved = await officer.SubmitAsync("/Privacy/Retention/Due", new Dictionary<string, string>(), handler: "Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var after = await officer.GetDocumentAsync("/Privacy/Retention/Due");
        Assert.Contains("1 gegevens verwijderd", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gesloten dossiers", after.QuerySelector("[data-testid=deletion-log]")!.TextContent, StringComparison.Ordinal);
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.False(await db.Dossiers.AnyAsync(d => d.Id == expired));
            Assert.Equal(1, await db.Dossiers.CountAsync());
            Assert.DoesNotContain("system", (await db.ErasureLog.SingleAsync()).ExecutedBy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_officer_deletes_a_single_record_by_hand_only_with_a_reason_and_never_one_under_a_hold()
    {
        var firm = await app.CreateFirmAsync("Handmatig");
        var client = await ContactAsync(firm, "Hanna", "Hand", client: true, createdYearsAgo: 1);
        var soon = await DossierAsync(firm, client, "Hanna tegen Gemeente", Today.AddYears(-5).AddDays(12));
        var held = await DossierAsync(firm, client, "Hanna tegen Provincie", Today.AddYears(-6));
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.LegalHolds.Add(new LegalHold { DossierId = held, Reason = "Beroepsaansprakelijkheid gemeld", PlacedAt = DateTimeOffset.UtcNow, PlacedBy = "test" });
            await db.SaveChangesAsync();
        }

        using var officer = await app.SignedInAsync(firm.Users[BuiltInRoles.PrivacyOfficer]);
        var page = await officer.GetDocumentAsync("/Privacy/Retention/Due");
        Assert.Contains("Beroepsaansprakelijkheid gemeld", page.QuerySelector($"tr[data-id='{held}'] [data-testid=blocked]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"tr[data-id='{held}'] form"));

        var form = page.QuerySelector<IHtmlFormElement>($"tr[data-id='{soon}'] form")!;
        var noReason = await officer.PostFormAsync(form, "/Privacy/Retention/Due", new Dictionary<string, string> { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Contains("Geef de reden", (await officer.GetDocumentAsync("/Privacy/Retention/Due")).QuerySelector("[data-testid=error-notice]")!.TextContent, StringComparison.Ordinal);

        // A forged post for the held dossier is refused too.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await officer.Http.PostAsync("/Privacy/Retention/Due?handler=Dispose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["id"] = held.ToString(),
            ["subject"] = "Dossier",
            ["reason"] = "Toch weg",
        }));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("moet blijven", (await officer.GetDocumentAsync("/Privacy/Retention/Due")).QuerySelector("[data-testid=error-notice]")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(form, "/Privacy/Retention/Due", new Dictionary<string, string> { ["reason"] = "Cliënt verzocht om vroegere vernietiging" })).StatusCode);
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.False(await db.Dossiers.AnyAsync(d => d.Id == soon));
            Assert.True(await db.Dossiers.AnyAsync(d => d.Id == held));
            var entry = await db.ErasureLog.SingleAsync();
            Assert.Equal("Cliënt verzocht om vroegere vernietiging", entry.Reason);
            Assert.Equal(soon, entry.SubjectId);
        }
    }

    [Fact]
    public async Task A_disposal_that_fails_midway_leaves_the_dossier_and_everything_in_it_and_does_not_keep_the_others()
    {
        var firm = await app.CreateFirmAsync("Halverwege");
        var client = await ContactAsync(firm, "Henk", "Halverwege", client: false, createdYearsAgo: 1);
        // The opposing party, not a client: no Wwft period of their own ends with this dossier.
        var dossier = await DossierAsync(firm, client, "Faalt bij verwijderen", Today.AddYears(-6), role: PartyRole.OpposingParty);
        var other = await DossierAsync(firm, client, "Gaat goed", Today.AddYears(-6), role: PartyRole.OpposingParty);
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Communications.Add(Call("Henk belt", dossier, client));
            (await db.Firms.SingleAsync()).RetentionMode = RetentionMode.Automatic;
            await db.SaveChangesAsync();
        }

        // The last statement of the disposal (the dossier row itself) fails, after its records were deleted.
        await using (var admin = new NpgsqlConnection(app.Database.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("""
                CREATE OR REPLACE FUNCTION test_fail_dossier_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF OLD.title = 'Faalt bij verwijderen' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN OLD; END $$;
                DROP TRIGGER IF EXISTS test_fail_dossier_delete ON dossiers;
                CREATE TRIGGER test_fail_dossier_delete BEFORE DELETE ON dossiers FOR EACH ROW EXECUTE FUNCTION test_fail_dossier_delete();
                """, admin);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            // The sweep goes on with the other records, then fails so that the job queue retries it.
            await Assert.ThrowsAsync<InvalidOperationException>(() => Sweep.SweepFirmAsync(firm.Id, CancellationToken.None));
        }
        finally
        {
            await using var admin = new NpgsqlConnection(app.Database.AdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP TRIGGER IF EXISTS test_fail_dossier_delete ON dossiers", admin);
            await drop.ExecuteNonQueryAsync();
        }

        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.True(await db.Dossiers.AnyAsync(d => d.Id == dossier));
            Assert.Equal(1, await db.Communications.CountAsync(c => c.DossierId == dossier));
            Assert.Equal(1, await db.Set<DossierParty>().CountAsync(p => p.DossierId == dossier));
            Assert.True(await AuditRowsMentioningAsync(db, "Faalt bij verwijderen") > 0);
            // It was disposed of in a set with another dossier; the set was retried one by one, so the other went.
            Assert.False(await db.Dossiers.AnyAsync(d => d.Id == other));
            Assert.Equal(other, (await db.ErasureLog.SingleAsync()).SubjectId);
        }

        // The next night it succeeds.
        Assert.Equal(1, (await Sweep.SweepFirmAsync(firm.Id, CancellationToken.None)).Disposed);
    }

    [Fact]
    public async Task A_hold_placed_after_the_list_was_made_still_keeps_the_dossier()
    {
        var firm = await app.CreateFirmAsync("Laatste moment");
        var client = await ContactAsync(firm, "Lotte", "Laat", client: true, createdYearsAgo: 1);
        var dossier = await DossierAsync(firm, client, "Lotte tegen Verzekeraar", Today.AddYears(-6));
        await using var scope = app.FirmScope(firm.Id);
        var item = (await scope.ServiceProvider.GetRequiredService<RetentionSchedule>().EndingBeforeAsync(Today, CancellationToken.None)).Single(i => i.Id == dossier);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.LegalHolds.Add(new LegalHold { ContactId = client, Reason = "Claim aangekondigd", PlacedAt = DateTimeOffset.UtcNow, PlacedBy = "test" });
        await db.SaveChangesAsync();

        Assert.Empty(await scope.ServiceProvider.GetRequiredService<RetentionDisposer>().DisposeDossiersAsync([item], reason: null, CancellationToken.None));
        Assert.True(await db.Dossiers.AnyAsync(d => d.Id == dossier));
    }

    [Fact]
    public void Every_table_that_refers_to_dossiers_is_cleared_by_the_disposal_or_cascades()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<CrmDbContext>().Model;
        var uncovered = model.GetEntityTypes()
            .SelectMany(t => t.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(Dossier)))
            .Where(fk => fk.DeleteBehavior is not (DeleteBehavior.Cascade or DeleteBehavior.SetNull) && !DossierDisposal.Covers.Contains(fk.DeclaringEntityType.ClrType))
            .Select(fk => fk.DeclaringEntityType.ClrType.Name)
            .ToList();
        Assert.Empty(uncovered);
    }

    private static async Task<int> AuditRowsMentioningAsync(CrmDbContext db, string text) =>
        await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM audit_entries WHERE changes::text ILIKE {"%" + text + "%"}").SingleAsync();

    private string StoredFile(TestFirm firm, Guid version) =>
        Path.Combine(app.DocumentsPath, firm.Id.ToString("N"), version.ToString("N")[^2..], version.ToString("N"));

    private async Task<Guid> ContactAsync(TestFirm firm, string first, string last, bool client, int createdYearsAgo)
    {
        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var created = DateTimeOffset.UtcNow.AddYears(-createdYearsAgo);
        var contact = new Contact { Kind = ContactKind.Person, FirstName = first, LastName = last, ClientNumber = client ? Random.Shared.Next(1000, 999999) : null, CreatedAt = created, UpdatedAt = created, UpdatedBy = "test" };
        contact.RecomputeNames();
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        // Whatever the save stamped, the contact is as old as the test needs.
        await db.Contacts.Where(c => c.Id == contact.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.CreatedAt, created));
        return contact.Id;
    }

    private async Task<Guid> DossierAsync(TestFirm firm, Guid client, string title, DateOnly? closedOn, string? practiceArea = null, PartyRole role = PartyRole.Client)
    {
        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var dossier = new Dossier
        {
            Number = "R-" + Guid.NewGuid().ToString("N")[..8],
            Title = title,
            PracticeArea = practiceArea,
            ResponsibleLawyerId = firm.Lawyer.Id,
            Status = closedOn is null ? DossierStatus.Open : DossierStatus.Closed,
            OpenedOn = Today.AddYears(-10),
            ClosedOn = closedOn,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            UpdatedBy = "test",
        };
        dossier.Parties.Add(new DossierParty { ContactId = client, Role = role });
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        return dossier.Id;
    }

    private async Task CloseAsync(TestFirm firm, Guid dossier, DateOnly closedOn)
    {
        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await db.Dossiers.Where(d => d.Id == dossier).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DossierStatus.Closed).SetProperty(d => d.ClosedOn, closedOn));
    }

    private static async Task<Guid> NewDossierAsync(CrmClient lawyer, Guid clientId, string title)
    {
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = title });
        return Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
    }

    private static Communication Call(string subject, Guid? dossier, Guid contact, DateTimeOffset? at = null) => new()
    {
        Kind = CommunicationKind.Call,
        Direction = CommunicationDirection.Incoming,
        OccurredAt = at ?? DateTimeOffset.UtcNow.AddYears(-7),
        Subject = subject,
        BodyHtml = CommunicationBody.FromMarkdown("Over de zaak."),
        DossierId = dossier,
        ContactId = dossier is null ? contact : null,
        AuthorName = "test",
        UpdatedBy = "test",
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
        Participants = [new CommunicationParticipant { ContactId = contact, Name = subject.Split(' ')[0], Role = ParticipantRole.Caller }],
    };
}
