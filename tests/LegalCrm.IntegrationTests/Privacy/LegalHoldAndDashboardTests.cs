using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Privacy;

public sealed class LegalHoldAndDashboardTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task The_officer_places_a_hold_from_the_contacts_page_everyone_sees_it_and_releasing_needs_a_reason()
    {
        var firm = await app.CreateFirmAsync("Houden");
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        var created = await lawyer.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.FirstName"] = "Henk", ["Input.LastName"] = "Houder" });
        var contact = created.Headers.Location!.OriginalString;
        Assert.Null((await lawyer.GetDocumentAsync(contact)).QuerySelector("[data-testid=place-legal-hold]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Privacy/Holds")).StatusCode);

        using var officer = await app.SignedInAsync(firm.Users[BuiltInRoles.PrivacyOfficer]);
        var place = (await officer.GetDocumentAsync(contact)).QuerySelector("[data-testid=place-legal-hold]")!.GetAttribute("href")!;
        var noReason = await CrmClient.ParseAsync(await officer.SubmitAsync(place, new Dictionary<string, string> { ["Reason"] = " " }));
        Assert.Contains("Geef de reden", noReason.QuerySelector("[data-valmsg-for=Reason]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(place, new Dictionary<string, string> { ["Reason"] = "Klacht bij de deken ingediend" })).StatusCode);

        var banner = (await lawyer.GetDocumentAsync(contact)).QuerySelector("[data-testid=legal-hold]")!.TextContent;
        Assert.Contains("Klacht bij de deken ingediend", banner, StringComparison.Ordinal);
        Assert.Contains("tot opheffing", banner, StringComparison.Ordinal);
        var list = await officer.GetDocumentAsync("/Privacy/Holds");
        Assert.Contains("Henk Houder", list.QuerySelector("[data-testid=holds]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 juridische bewaarplichten van kracht", (await officer.GetDocumentAsync("/Privacy")).QuerySelector("[data-testid=dashboard-holds]")!.TextContent, StringComparison.Ordinal);

        Guid holdId;
        await using (var scope = app.FirmScope(firm.Id))
        {
            holdId = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().LegalHolds.Select(h => h.Id).SingleAsync();
        }

        var refused = await CrmClient.ParseAsync(await officer.SubmitAsync($"/Privacy/Holds/Edit/{holdId}", new Dictionary<string, string>(), handler: "Release"));
        Assert.Contains("Geef de reden", refused.QuerySelector("[data-valmsg-for=ReleaseReason]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Privacy/Holds/Edit/{holdId}", new Dictionary<string, string> { ["ReleaseReason"] = "Klacht ingetrokken" }, handler: "Release")).StatusCode);
        Assert.Null((await lawyer.GetDocumentAsync(contact)).QuerySelector("[data-testid=legal-hold]"));

        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var hold = await db.LegalHolds.AsNoTracking().SingleAsync();
            Assert.Equal("Klacht ingetrokken", hold.ReleaseReason);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(LegalHold) && a.EntityId == holdId.ToString()));
        }
    }

    [Fact]
    public async Task The_privacy_overview_shows_each_role_only_its_own_parts()
    {
        var firm = await app.CreateFirmAsync("Overzicht");
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.Breaches.Add(new Breach { Number = 1, Title = "USB-stick kwijt", DiscoveredAt = now.AddHours(-10), Confidentiality = true, CreatedAt = now, UpdatedAt = now });
            db.DataSubjectRequests.Add(new DataSubjectRequest
            {
                Kind = RequestKind.Access,
                PersonName = "Olga Overzicht",
                ReceivedOn = Web.Infrastructure.Time.AmsterdamTime.Today(TimeProvider.System).AddDays(-27),
                CreatedAt = now,
                CreatedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        using var officer = await app.SignedInAsync(firm.Users[BuiltInRoles.PrivacyOfficer]);
        var page = await officer.GetDocumentAsync("/Privacy");
        Assert.Matches("nog 6[12] uur", page.QuerySelector("[data-testid=dashboard-breaches]")!.TextContent);
        var requests = page.QuerySelector("[data-testid=dashboard-requests]")!.TextContent;
        Assert.Contains("Olga Overzicht", requests, StringComparison.Ordinal);
        Assert.Contains("identiteit niet gecontroleerd", requests, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=dashboard-register]"));

        using var admin = await app.SignedInAsync(firm.Admin);
        var adminPage = await admin.GetDocumentAsync("/Privacy");
        Assert.NotNull(adminPage.QuerySelector("[data-testid=dashboard-breaches]"));
        Assert.Null(adminPage.QuerySelector("[data-testid=dashboard-requests]"));
        Assert.Null(adminPage.QuerySelector("[data-testid=dashboard-register]"));

        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Privacy")).StatusCode);
        Assert.Null((await lawyer.GetDocumentAsync("/")).QuerySelector("[data-testid=nav-privacy]"));
    }
}
