using System.Net;
using System.Security.Cryptography;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access.Review;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace LegalCrm.IntegrationTests.Access;

public sealed class AccessReviewTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task The_report_shows_each_accounts_roles_permissions_reach_walls_and_dormancy_as_the_app_applies_them()
    {
        var firm = await app.CreateFirmAsync("Review");
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Review Holding" });
        var clientId = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = "Open dossier" });
        var walled = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = "Afgeschermd dossier" });
        var walledId = Guid.Parse(walled.Headers.Location!.OriginalString.Split('/')[2]);
        var sleeper = await app.AddUserAsync(firm, "assistant", "slaper");
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.EthicalWalls.Add(new EthicalWall { UserId = firm.Lawyer.Id, DossierId = walledId, Reason = "Belang wederpartij", CreatedBy = "test" });
            var user = await db.Users.SingleAsync(u => u.Id == sleeper.Id);
            user.LastSignInAt = DateTimeOffset.UtcNow.AddDays(-120);
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Access/Review")).StatusCode);
        using var admin = await app.SignedInAsync(firm.Admin);
        var page = await admin.GetDocumentAsync("/Access/Review");

        var lawyerRow = page.QuerySelector($"[data-testid=access-report] tr[data-user='{firm.Lawyer.Email}']")!;
        Assert.Equal("1", lawyerRow.QuerySelector("[data-testid=reachable]")!.TextContent.Trim()); // the wall beats being responsible
        Assert.Contains("Advocaat", lawyerRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("dossiers.read", lawyerRow.TextContent, StringComparison.Ordinal);
        Assert.Null(lawyerRow.QuerySelector("[data-testid=dormant]"));
        Assert.NotNull(page.QuerySelector($"[data-testid=access-report] tr[data-user='{sleeper.Email}'] [data-testid=dormant]"));
        Assert.Equal("1", page.QuerySelector("[data-testid=dormant-count]")!.TextContent.Trim());
        // …the same answer the lawyer's own dossier list gives.
        var list = (await lawyer.GetDocumentAsync("/Dossiers")).Body!.TextContent;
        Assert.Contains("Open dossier", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Afgeschermd", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_exports_as_csv_and_pdf()
    {
        var firm = await app.CreateFirmAsync("Review export");
        using var admin = await app.SignedInAsync(firm.Admin);

        var csv = await admin.GetAsync("/Access/Review?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("Naam;E-mailadres;Status;Rollen", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(firm.Lawyer.Email, text, StringComparison.Ordinal);
        Assert.Contains("admin.roles", text, StringComparison.Ordinal);

        var pdf = await admin.GetAsync("/Access/Review?handler=Pdf");
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Toegangsreview", words, StringComparison.Ordinal);
        Assert.Contains(firm.Lawyer.Email, words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_a_review_needs_findings_and_keeps_who_when_the_report_and_the_chain_head()
    {
        var firm = await app.CreateFirmAsync("Review vastleggen");
        using var admin = await app.SignedInAsync(firm.Admin);

        var empty = await admin.SubmitAsync("/Access/Review", new Dictionary<string, string> { ["Remarks"] = "  " }, "Record");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Schrijf op wat u hebt gevonden", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using (var scope = app.FirmScope(firm.Id))
        {
            await scope.ServiceProvider.GetRequiredService<AuditChainSealer>().SealAsync();
        }

        var csv = await (await admin.GetAsync("/Access/Review?handler=Csv")).Content.ReadAsByteArrayAsync();
        var recorded = await admin.SubmitAsync("/Access/Review", new Dictionary<string, string> { ["Remarks"] = "Geen wijzigingen nodig." }, "Record");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        await using var check = app.FirmScope(firm.Id);
        var db = check.ServiceProvider.GetRequiredService<CrmDbContext>();
        var review = await db.Set<AccessReview>().SingleAsync();
        Assert.Equal(firm.Admin.Id, review.ReviewedById);
        Assert.Equal("Geen wijzigingen nodig.", review.Remarks);
        Assert.Equal(firm.Users.Count, review.UsersReviewed);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(csv)), review.ReportSha256);
        Assert.NotNull(review.ChainHeadSeq);
        var link = await db.AuditEntries.SingleAsync(a => a.ChainSeq == review.ChainHeadSeq);
        Assert.Equal(review.ChainHeadHash, Convert.ToHexStringLower(link.ChainHash!));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AccessReview) && a.Action == "insert" && a.EntityId == review.Id.ToString()));
        Assert.Contains("Geen wijzigingen nodig.", (await admin.GetDocumentAsync("/Access/Review")).QuerySelector("[data-testid=review-history]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_that_is_due_is_announced_once_to_those_who_hold_the_review_permission()
    {
        var firm = await app.CreateFirmAsync("Review herinnering");
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Add(new AccessReview { ReviewedAt = DateTimeOffset.UtcNow.AddMonths(-4), ReviewedByName = "Vorige beheerder", Remarks = "Oud" });
            await db.SaveChangesAsync();
        }

        var reminders = app.Services.GetRequiredService<AccessReviewReminders>();
        Assert.Equal(1, await reminders.SendForFirmAsync(firm.Id, CancellationToken.None));
        Assert.Equal(0, await reminders.SendForFirmAsync(firm.Id, CancellationToken.None));

        await using var check = app.FirmScope(firm.Id);
        var notice = await check.ServiceProvider.GetRequiredService<CrmDbContext>().Notifications.SingleAsync();
        Assert.Equal(firm.Admin.Id, notice.UserId);
        Assert.Equal("/Access/Review", notice.Link);
        using var admin = await app.SignedInAsync(firm.Admin);
        Assert.NotNull((await admin.GetDocumentAsync("/Access/Review")).QuerySelector("[data-testid=review-due]"));
    }
}
