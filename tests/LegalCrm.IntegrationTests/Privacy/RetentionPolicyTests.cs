using System.Net;
using AngleSharp.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Privacy;

public sealed class RetentionPolicyTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task A_new_firm_starts_with_four_policies_the_officer_changes_one_and_adds_one_for_a_practice_area()
    {
        var firm = await app.CreateFirmAsync("Bewaartermijn");
        using var officer = await app.SignedInAsync(firm.Users[BuiltInRoles.PrivacyOfficer]);
        var page = await officer.GetDocumentAsync("/Privacy/Retention");
        var rows = page.QuerySelectorAll("[data-testid=policies] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.Contains("Gesloten dossiers", StringComparison.Ordinal) && r.Contains("5 jaar", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Declaratiegegevens", StringComparison.Ordinal) && r.Contains("7 jaar", StringComparison.Ordinal));

        Guid closedDossiers;
        string area;
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            closedDossiers = await db.RetentionPolicies.Where(p => p.Category == RetentionCategory.ClosedDossiers).Select(p => p.Id).SingleAsync();
            area = (await db.Firms.Select(f => f.PracticeAreas).SingleAsync()).First();
        }

        var tooLong = await CrmClient.ParseAsync(await officer.SubmitAsync($"/Privacy/Retention/Edit/{closedDossiers}", new Dictionary<string, string> { ["PeriodMonths"] = "9999" }));
        Assert.Contains("1 tot 360 maanden", tooLong.QuerySelector("[data-valmsg-for=PeriodMonths]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Privacy/Retention/Edit/{closedDossiers}", new Dictionary<string, string> { ["PeriodMonths"] = "72" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync("/Privacy/Retention/Edit", new Dictionary<string, string>
        {
            ["Category"] = "ClosedDossiers",
            ["PracticeArea"] = area,
            ["PeriodMonths"] = "120",
            ["Basis"] = "Langere verjaringstermijn",
        })).StatusCode);
        var twice = await CrmClient.ParseAsync(await officer.SubmitAsync("/Privacy/Retention/Edit", new Dictionary<string, string> { ["Category"] = "ClosedDossiers", ["PracticeArea"] = area, ["PeriodMonths"] = "12" }));
        Assert.Contains("heeft al een bewaartermijn", twice.QuerySelector("[data-valmsg-for=PracticeArea]")!.TextContent, StringComparison.Ordinal);
        // A person has no practice area: a Wwft policy per area would never apply, so it is refused (a forged choice too).
        var wwft = await CrmClient.ParseAsync(await officer.SubmitAsync("/Privacy/Retention/Edit", new Dictionary<string, string> { ["Category"] = "WwftRecords", ["PracticeArea"] = area, ["PeriodMonths"] = "12" }));
        Assert.Contains("Alleen dossiers en declaratiegegevens", wwft.QuerySelector("[data-valmsg-for=Category]")!.TextContent, StringComparison.Ordinal);

        // The page offers no delete for a firm-wide policy; a forged post is refused with the reason.
        var edit = await officer.GetDocumentAsync($"/Privacy/Retention/Edit/{closedDossiers}");
        var token = edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var refused = await officer.Http.PostAsync(new Uri($"/Privacy/Retention/Edit/{closedDossiers}?handler=Delete", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("kan niet worden verwijderd", (await officer.GetDocumentAsync(refused.Headers.Location!.OriginalString)).QuerySelector("[data-testid=error-notice]")!.TextContent, StringComparison.Ordinal);

        await using (var scope = app.FirmScope(firm.Id))
        {
            var policies = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().RetentionPolicies.AsNoTracking().ToListAsync();
            Assert.Equal(5, policies.Count);
            Assert.Equal(72, RetentionRules.For(policies, RetentionCategory.ClosedDossiers, null)!.PeriodMonths);
            Assert.Equal(120, RetentionRules.For(policies, RetentionCategory.ClosedDossiers, area)!.PeriodMonths);
        }

        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Privacy/Retention")).StatusCode);
    }
}
