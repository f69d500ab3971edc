using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Privacy;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace LegalCrm.IntegrationTests.Privacy;

public sealed class BreachTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;

    public async Task InitializeAsync() => _firm = await app.CreateFirmAsync("Lekken");

    public Task DisposeAsync() => Task.CompletedTask;

    private TestUser Officer => _firm.Users[BuiltInRoles.PrivacyOfficer];

    [Fact]
    public async Task A_breach_is_registered_with_its_clock_documented_notified_late_with_reasons_followed_up_and_exported_all_audited()
    {
        using var officer = await app.SignedInAsync(Officer);
        Assert.Contains("Geen openstaande datalekken", (await officer.GetDocumentAsync("/Privacy/Breaches")).QuerySelector("[data-testid=breaches-empty]")!.TextContent, StringComparison.Ordinal);
        var aware = AmsterdamTime.ToLocal(DateTimeOffset.UtcNow.AddHours(-30));
        var created = await officer.SubmitAsync("/Privacy/Breaches/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Laptop met dossierstukken gestolen",
            ["Input.DiscoveredAt"] = Local(aware),
            ["Input.StartedAt"] = Local(aware.AddHours(-5)),
            ["Input.Description"] = "Uit de auto van een medewerker is een laptop gestolen",
            ["Input.Confidentiality"] = "true",
            ["Input.DataCategories"] = "namen, adressen, processtukken",
            ["Input.PeopleAffected"] = "40",
            ["Input.LikelyConsequences"] = "Inzage in vertrouwelijke procesgegevens door derden",
            ["Input.MeasuresTaken"] = "Laptop op afstand gewist en wachtwoorden gewijzigd",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;

        var page = await officer.GetDocumentAsync(edit);
        Assert.Contains("Datalek 1: Laptop met dossierstukken gestolen", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var clock = page.QuerySelector("[data-testid=breach-clock]")!.TextContent;
        Assert.Matches("Nog 4[12] uur", clock);
        Assert.Contains(AmsterdamTime.ToLocal(aware.AddHours(72)).ToString("d MMMM yyyy HH:mm", new CultureInfo("nl-NL")), clock, StringComparison.Ordinal);
        var list = await officer.GetDocumentAsync("/Privacy/Breaches");
        Assert.Matches("nog 4[12] uur", list.QuerySelector("[data-testid=clock]")!.TextContent);

        // Art. 34 draft from the facts; nothing saved by drafting, the rest of the form kept.
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("[data-testid=breach-form]")!;
        var drafted = await CrmClient.ParseAsync(await officer.PostFormAsync(form, edit + "?handler=Draft", new Dictionary<string, string>(), [new("Input.Confidentiality", "true")]));
        var draft = drafted.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#message")!.Value;
        Assert.Contains("Wat er is gebeurd: Uit de auto van een medewerker is een laptop gestolen.", draft, StringComparison.Ordinal);
        Assert.Contains("Laptop op afstand gewist", draft, StringComparison.Ordinal);
        Assert.Contains("Autoriteit Persoonsgegevens", draft, StringComparison.Ordinal);
        Assert.Null((await BreachAsync()).SubjectsMessage);

        // Notified after the 72 hours: refused until the reasons for the delay are given.
        var notified = AmsterdamTime.ToLocal(DateTimeOffset.UtcNow.AddHours(-1));
        var decided = new Dictionary<string, string>
        {
            ["Input.Confidentiality"] = "true",
            ["Input.Risk"] = "High",
            ["Input.RiskReasoning"] = "Processtukken met gezondheidsgegevens, laptop niet versleuteld",
            ["Input.AuthorityDecision"] = "Notify",
            ["Input.AuthorityNotifiedAt"] = Local(notified),
            ["Input.AuthorityReference"] = "AP-2026-12345",
        };
        var backdated = new Dictionary<string, string>(decided) { ["Input.DiscoveredAt"] = Local(aware.AddHours(-50)), ["Input.StartedAt"] = Local(aware.AddHours(-55)) };
        var refused = await CrmClient.ParseAsync(await officer.SubmitAsync(edit, backdated));
        Assert.Contains("geef de redenen voor de vertraging", refused.QuerySelector("[data-valmsg-for='Input.AuthorityDecision']")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await BreachAsync()).AuthorityNotifiedAt);
        backdated["Input.DelayReasons"] = "De diefstal werd pas na het weekend bij ons gemeld";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(edit, backdated)).StatusCode);
        page = await officer.GetDocumentAsync(edit);
        Assert.Contains("Dat was na de 72 uur.", page.QuerySelector("[data-testid=breach-clock]")!.TextContent, StringComparison.Ordinal);

        // Further information in phases (art. 33(4)).
        var followUp = await officer.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["sentAt"] = Local(notified.AddMinutes(30)),
            ["reference"] = "AP-2026-12345/2",
            ["summary"] = "Aantal betrokkenen bijgesteld naar 52",
        }, handler: "FollowUp");
        Assert.Equal(HttpStatusCode.Redirect, followUp.StatusCode);
        Assert.Contains("Aantal betrokkenen bijgesteld naar 52", (await officer.GetDocumentAsync(edit)).QuerySelector("[data-testid=follow-ups]")!.TextContent, StringComparison.Ordinal);

        var pdf = await officer.GetAsync(edit + "?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            foreach (var expected in new[] { "Datalek 1", "Lekken", "Ontdekt op", "vertrouwelijkheid", "Hoog risico", "AP-2026-12345", "Redenen voor de vertraging", "weekend", "Aanvullende meldingen", "bijgesteld" })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            // The AP's order: the timeline before the nature, the nature before the consequences.
            Assert.True(text.IndexOf("Ontdekt op", StringComparison.Ordinal) < text.IndexOf("Aard", StringComparison.Ordinal));
            Assert.True(text.IndexOf("Aard", StringComparison.Ordinal) < text.IndexOf("Waarschijnlijke gevolgen", StringComparison.Ordinal));
        }

        var csv = await (await officer.GetAsync("/Privacy/Breaches?handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains("Laptop met dossierstukken gestolen", csv, StringComparison.Ordinal);
        Assert.Contains("AP-2026-12345", csv, StringComparison.Ordinal);

        var breach = await BreachAsync();
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var audited = await db.AuditEntries.Where(e => e.EntityId == breach.Id.ToString()).Select(e => e.EntityType + ":" + e.Action).ToListAsync();
        Assert.Contains("Breach:" + AuditActions.Insert, audited);
        Assert.Contains("Breach:" + AuditActions.Update, audited);
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == nameof(BreachFollowUp)).Select(e => e.Action).ToListAsync(), a => a == AuditActions.Insert);
    }

    [Fact]
    public async Task Bad_breaches_are_refused_with_a_clear_message_and_only_privacy_staff_and_admins_may_see_the_register()
    {
        using var officer = await app.SignedInAsync(Officer);
        var future = await CrmClient.ParseAsync(await officer.SubmitAsync("/Privacy/Breaches/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Toekomst",
            ["Input.DiscoveredAt"] = Local(AmsterdamTime.ToLocal(DateTimeOffset.UtcNow.AddHours(2))),
            ["Input.Availability"] = "true",
        }));
        Assert.Contains("kan niet in de toekomst liggen", future.QuerySelector("[data-valmsg-for='Input.DiscoveredAt']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Toekomst", future.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#title")!.Value);

        var risky = await CrmClient.ParseAsync(await officer.SubmitAsync("/Privacy/Breaches/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Niet melden?",
            ["Input.DiscoveredAt"] = Local(AmsterdamTime.ToLocal(DateTimeOffset.UtcNow.AddHours(-2))),
            ["Input.Risk"] = "Risk",
            ["Input.RiskReasoning"] = "Wel degelijk",
            ["Input.AuthorityDecision"] = "DoNotNotify",
            ["Input.AuthorityDecisionReasoning"] = "Liever niet",
        }));
        var errors = string.Join(" ", risky.QuerySelectorAll(".field-validation-error").Select(e => e.TextContent));
        Assert.Contains("moet bij de AP worden gemeld", errors, StringComparison.Ordinal);
        Assert.Contains("Vink er minstens één aan", errors, StringComparison.Ordinal);
        await using (var scope = app.FirmScope(_firm.Id))
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Breaches.AnyAsync(b => b.Title == "Toekomst" || b.Title == "Niet melden?"));
        }

        using var admin = await app.SignedInAsync(_firm.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Privacy/Breaches")).StatusCode);
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Privacy/Breaches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Privacy/Breaches?handler=Csv")).StatusCode);
    }

    [Fact]
    public async Task The_officer_and_the_admins_are_alerted_at_24_48_60_and_72_hours_once_each_until_the_AP_is_notified()
    {
        var firm = await app.CreateFirmAsync("Klok");
        var aware = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        Guid running, decided;
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var open = new Breach { Number = 1, Title = "Lopend", DiscoveredAt = aware, Confidentiality = true, CreatedAt = aware, UpdatedAt = aware };
            var notNotified = new Breach
            {
                Number = 2,
                Title = "Besloten",
                DiscoveredAt = aware,
                Availability = true,
                Risk = BreachRisk.None,
                RiskReasoning = "Back-up teruggezet",
                AuthorityDecision = AuthorityDecision.DoNotNotify,
                AuthorityDecisionReasoning = "Geen risico",
                CreatedAt = aware,
                UpdatedAt = aware,
            };
            db.Breaches.AddRange(open, notNotified);
            await db.SaveChangesAsync();
            (running, decided) = (open.Id, notNotified.Id);
        }

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(aware.AddHours(23.9));
        BreachAlerts Alerts() => new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<BreachAlerts>.Instance);
        Assert.Equal(0, await Alerts().AlertFirmAsync(firm.Id, CancellationToken.None));

        clock.SetUtcNow(aware.AddHours(24));
        var firstRuns = await Task.WhenAll(Alerts().AlertFirmAsync(firm.Id, CancellationToken.None), Alerts().AlertFirmAsync(firm.Id, CancellationToken.None));
        Assert.Equal(2, firstRuns.Sum()); // the officer and the admin, once, although the sweep ran twice at once
        clock.SetUtcNow(aware.AddHours(30));
        Assert.Equal(0, await Alerts().AlertFirmAsync(firm.Id, CancellationToken.None));
        clock.SetUtcNow(aware.AddHours(48.1));
        Assert.Equal(2, await Alerts().AlertFirmAsync(firm.Id, CancellationToken.None));
        clock.SetUtcNow(aware.AddHours(60));
        Assert.Equal(2, await Alerts().AlertFirmAsync(firm.Id, CancellationToken.None));

        var texts = await TextsAsync(firm, firm.Users[BuiltInRoles.PrivacyOfficer].Id);
        Assert.Equal(3, texts.Count);
        Assert.Contains(texts, t => t.Text.Contains("Datalek 1 (Lopend): 24 uur", StringComparison.Ordinal) && t.Text.Contains("30 november 10:00", StringComparison.Ordinal) && !t.Urgent);
        Assert.Contains(texts, t => t.Text.Contains(": 60 uur", StringComparison.Ordinal) && t.Urgent);
        Assert.Equal(3, (await TextsAsync(firm, firm.Admin.Id)).Count);
        Assert.Empty(await TextsAsync(firm, firm.Lawyer.Id));
        Assert.DoesNotContain(texts, t => t.Text.Contains("Besloten", StringComparison.Ordinal));

        // Notified at hour 70: no 72-hour alert.
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var breach = await db.Breaches.SingleAsync(b => b.Id == running);
            breach.AuthorityDecision = AuthorityDecision.Notify;
            breach.AuthorityNotifiedAt = aware.AddHours(70);
            await db.SaveChangesAsync();
        }

        clock.SetUtcNow(aware.AddHours(73));
        Assert.Equal(0, await Alerts().AlertFirmAsync(firm.Id, CancellationToken.None));
        Assert.NotEqual(running, decided);
    }

    [Fact]
    public async Task After_72_hours_the_alert_says_the_time_has_passed_and_the_email_goes_out()
    {
        var firm = await app.CreateFirmAsync("Laat");
        var aware = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Breaches.Add(new Breach { Number = 1, Title = "Vergeten", DiscoveredAt = aware, Integrity = true, CreatedAt = aware, UpdatedAt = aware });
            await db.SaveChangesAsync();
        }

        // Registered late: only the stage it has reached is sent, not the three it missed.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(aware.AddHours(80));
        var alerts = new BreachAlerts(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<BreachAlerts>.Instance);
        Assert.Equal(2, await alerts.AlertFirmAsync(firm.Id, CancellationToken.None));
        var text = Assert.Single(await TextsAsync(firm, firm.Users[BuiltInRoles.PrivacyOfficer].Id));
        Assert.Contains("de 72 uur om de AP te melden zijn verstreken", text.Text, StringComparison.Ordinal);
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Subject.StartsWith("Datalek 1")));
        }
    }

    private async Task<List<(string Text, bool Urgent)>> TextsAsync(TestFirm firm, Guid user)
    {
        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return (await db.Notifications.Where(n => n.UserId == user && n.DedupKey.StartsWith("breach-clock:")).Select(n => new { n.Text, n.Urgent }).ToListAsync())
            .Select(n => (n.Text, n.Urgent)).ToList();
    }

    private static string Local(DateTimeOffset local) => local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private async Task<Breach> BreachAsync()
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Breaches.AsNoTracking().SingleAsync(b => b.Title == "Laptop met dossierstukken gestolen");
    }
}
