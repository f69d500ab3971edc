using System.Net;
using AngleSharp.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Privacy;

public sealed class ProcessorsAndDpiaTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private TestUser _officer = null!;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Verwerkers & Co");
        _officer = await app.AddUserAsync(_firm, BuiltInRoles.PrivacyOfficer, "privacy");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_processor_is_linked_to_register_activities_and_shows_what_it_lacks_and_when_its_review_is_due()
    {
        using var officer = await app.SignedInAsync(_officer);
        var newsletters = await ActivityIdAsync("Nieuwsbrieven en uitnodigingen");

        var saved = await officer.SubmitAsync("/Privacy/Processors/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Mailplatform B.V.",
            ["Input.Service"] = "Verzenden van nieuwsbrieven",
            ["Input.Location"] = "Ierland (EU)",
            ["Input.NextReviewOn"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, extra: [new("Input.ActivityIds", newsletters.ToString()), new("Input.ActivityIds", Guid.NewGuid().ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var list = await officer.GetDocumentAsync("/Privacy/Processors");
        var row = list.QuerySelectorAll("[data-testid=processors] tbody tr").Single(r => r.TextContent.Contains("Mailplatform B.V.", StringComparison.Ordinal));
        Assert.Contains("Geen verwerkersovereenkomst", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("badge-warn", row.QuerySelector("[data-testid=review]")!.ClassName, StringComparison.Ordinal);

        await using var scope = app.FirmScope(_firm.Id);
        var processor = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Processors.AsNoTracking().SingleAsync(p => p.Name == "Mailplatform B.V.");
        // An id that is not an activity of this firm's register is not linked.
        Assert.Equal([newsletters], processor.ActivityIds);
        var activityPage = await officer.GetDocumentAsync($"/Privacy/Register/Edit/{newsletters}");
        Assert.Contains("Mailplatform B.V.", activityPage.QuerySelector("[data-testid=activity-links]")!.TextContent, StringComparison.Ordinal);

        var duplicate = await officer.SubmitAsync("/Privacy/Processors/Edit", new Dictionary<string, string> { ["Input.Name"] = "mailplatform b.v." });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("al een verwerker met deze naam", (await CrmClient.ParseAsync(duplicate)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dpia_is_completed_only_with_all_of_article_35_7_and_keeps_its_activity_from_being_deleted()
    {
        using var officer = await app.SignedInAsync(_officer);
        var wwft = await ActivityIdAsync("Cliëntenonderzoek Wwft");
        var form = await officer.GetDocumentAsync($"/Privacy/Dpias/Edit?activity={wwft}");
        Assert.Equal("DPIA Cliëntenonderzoek Wwft", form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#title")!.Value);

        var incomplete = await officer.SubmitAsync($"/Privacy/Dpias/Edit?activity={wwft}", new Dictionary<string, string>
        {
            ["Input.Status"] = "Completed",
            ["Input.Description"] = "Identificatie van cliënten en UBO's.",
        });
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Contains("art. 35 lid 7", (await CrmClient.ParseAsync(incomplete)).Body!.TextContent, StringComparison.Ordinal);

        var completed = await officer.SubmitAsync($"/Privacy/Dpias/Edit?activity={wwft}", new Dictionary<string, string>
        {
            ["Input.Status"] = "Completed",
            ["Input.Description"] = "Identificatie van cliënten en UBO's.",
            ["Input.NecessityAndProportionality"] = "Wettelijk verplicht; alleen wat de Wwft vraagt.",
            ["Input.Risks"] = "Misbruik van kopieën van identiteitsbewijzen.",
            ["Input.Measures"] = "BSN afgeschermd, toegang alleen voor het dossierteam.",
            ["Input.Outcome"] = "AcceptableRisk",
            ["Input.CompletedOn"] = "2026-11-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Contains("Afgerond", (await officer.GetDocumentAsync("/Privacy/Dpias")).QuerySelector("[data-testid=dpias]")!.TextContent, StringComparison.Ordinal);

        var delete = await officer.SubmitAsync($"/Privacy/Register/Edit/{wwft}", new Dictionary<string, string>(), handler: "Delete");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Contains("heeft een DPIA", (await officer.GetDocumentAsync(delete.Headers.Location!.OriginalString)).QuerySelector("[data-testid=error-notice]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(wwft, await ActivityIdAsync("Cliëntenonderzoek Wwft"));
    }

    [Fact]
    public async Task Another_firm_and_a_lawyer_cannot_reach_processors_or_dpias()
    {
        using var officer = await app.SignedInAsync(_officer);
        await officer.SubmitAsync("/Privacy/Processors/Edit", new Dictionary<string, string> { ["Input.Name"] = "Hosting Geheim B.V." });
        await using var scope = app.FirmScope(_firm.Id);
        var processor = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Processors.AsNoTracking().SingleAsync(p => p.Name == "Hosting Geheim B.V.");

        var other = await app.CreateFirmAsync("Ander kantoor verwerkers");
        using var stranger = await app.SignedInAsync(await app.AddUserAsync(other, BuiltInRoles.PrivacyOfficer, "privacy"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Privacy/Processors/Edit/{processor.Id}")).StatusCode);
        Assert.DoesNotContain("Hosting Geheim", (await stranger.GetDocumentAsync("/Privacy/Processors")).Body!.TextContent, StringComparison.Ordinal);

        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Privacy/Processors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Privacy/Dpias")).StatusCode);
    }

    [Fact]
    public async Task A_review_coming_up_reminds_each_register_keeper_once_also_when_the_job_runs_twice_at_once()
    {
        var firm = await app.CreateFirmAsync("Controle verwerkers");
        var officer = await app.AddUserAsync(firm, BuiltInRoles.PrivacyOfficer, "privacy");
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Processors.AddRange(
                new LegalCrm.Web.Features.Privacy.Processor { Name = "Boekhouder B.V.", NextReviewOn = new DateOnly(2026, 12, 10) },
                new LegalCrm.Web.Features.Privacy.Processor { Name = "Later B.V.", NextReviewOn = new DateOnly(2027, 6, 1) },
                new LegalCrm.Web.Features.Privacy.Processor { Name = "Vergeten B.V.", NextReviewOn = new DateOnly(2026, 11, 1) });
            await db.SaveChangesAsync();
        }

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        LegalCrm.Web.Features.Privacy.PrivacyReminders Reminder() =>
            new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<LegalCrm.Web.Features.Privacy.PrivacyReminders>.Instance);
        await Task.WhenAll(Reminder().SendForFirmAsync(firm.Id, CancellationToken.None), Reminder().SendForFirmAsync(firm.Id, CancellationToken.None));
        await Reminder().SendForFirmAsync(firm.Id, CancellationToken.None);

        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var texts = await db.Notifications.Where(n => n.UserId == officer.Id).Select(n => n.Text).ToListAsync();
            Assert.Equal(2, texts.Count);
            Assert.Contains(texts, t => t.Contains("Boekhouder B.V.", StringComparison.Ordinal) && t.Contains("10 december 2026", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains("Vergeten B.V.", StringComparison.Ordinal) && t.Contains("had op", StringComparison.Ordinal));
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.ToAddress == officer.Email && m.Subject.StartsWith("Controle van een verwerker")));
            // The admin does not keep the register and is not told.
            Assert.False(await db.Notifications.AnyAsync(n => n.UserId == firm.Admin.Id && n.DedupKey.StartsWith("processor-review:")));
        }
    }

    private async Task<Guid> ActivityIdAsync(string name)
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().ProcessingActivities.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }
}
