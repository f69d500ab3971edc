using System.IO.Compression;
using System.Net;
using AngleSharp.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace LegalCrm.IntegrationTests.Privacy;

public sealed class ProcessingRegisterTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private TestUser _officer = null!;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Register & Partners");
        _officer = await app.AddUserAsync(_firm, BuiltInRoles.PrivacyOfficer, "privacy");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_new_firm_starts_with_the_activities_every_law_firm_has_and_only_the_privacy_officer_keeps_them()
    {
        using var officer = await app.SignedInAsync(_officer);
        var page = await officer.GetDocumentAsync("/Privacy/Register");

        var names = page.QuerySelectorAll("[data-testid=activities] tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(6, names.Count);
        Assert.Contains("Cliëntenonderzoek Wwft", names);
        Assert.Contains("Contactformulier website", names);
        // The standard set is complete except for the firm's own contact details, which only the firm can give.
        Assert.All(page.QuerySelectorAll("[data-testid=gaps]"), cell => Assert.Contains("compleet", cell.TextContent, StringComparison.Ordinal));
        Assert.Contains("contactgegevens van het kantoor", page.QuerySelector("[data-testid=register-completeness]")!.TextContent, StringComparison.Ordinal);

        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Privacy/Register")).StatusCode);
    }

    [Fact]
    public async Task An_activity_is_saved_with_every_item_of_article_30_and_what_it_lacks_is_listed_until_it_is_complete()
    {
        using var officer = await app.SignedInAsync(_officer);

        var incomplete = await officer.SubmitAsync("/Privacy/Register/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Cameratoezicht kantoor",
            ["Input.Purposes"] = "Beveiliging van het pand.",
            ["Input.LawfulBasis"] = "LegitimateInterests",
        });
        Assert.Equal(HttpStatusCode.Redirect, incomplete.StatusCode);
        var activity = await ActivityAsync("Cameratoezicht kantoor");
        var edit = await officer.GetDocumentAsync($"/Privacy/Register/Edit/{activity.Id}");
        var gaps = edit.QuerySelector("[data-testid=activity-gaps]")!.TextContent;
        Assert.Contains("Op welke verplichting of welk belang", gaps, StringComparison.Ordinal);
        Assert.Contains("Bewaartermijn (art. 30 lid 1 onder f)", gaps, StringComparison.Ordinal);
        Assert.DoesNotContain("Doeleinden", gaps, StringComparison.Ordinal);

        var complete = await officer.SubmitAsync($"/Privacy/Register/Edit/{activity.Id}", new Dictionary<string, string>
        {
            ["Input.LawfulBasisExplanation"] = "Bescherming van personen en eigendommen.",
            ["Input.DataSubjectCategories"] = "Medewerkers en bezoekers.",
            ["Input.PersonalDataCategories"] = "Camerabeelden.",
            ["Input.Recipients"] = "Politie op vordering.",
            ["Input.TransferSafeguard"] = "StandardContractualClauses",
            ["Input.ThirdCountryTransfers"] = "Opslag bij een dienstverlener in de Verenigde Staten.",
            ["Input.RetentionPeriod"] = "4 weken, langer bij een incident.",
            ["Input.SecurityMeasures"] = "Beelden versleuteld, alleen het kantoormanagement heeft toegang.",
        }, extra: [new("Input.StoredData", "Documents"), new("Input.CriminalData", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);

        activity = await ActivityAsync("Cameratoezicht kantoor");
        Assert.Empty(RegisterCompleteness.Gaps(activity));
        Assert.Equal([StoredDataCategory.Documents], activity.StoredData);
        Assert.True(activity.CriminalData);
        Assert.Equal(TransferSafeguard.StandardContractualClauses, activity.TransferSafeguard);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ProcessingActivity) && a.EntityId == activity.Id.ToString()).ToListAsync(),
            a => a.Action == AuditActions.Update && a.Changes!.Contains("4 weken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_saved()
    {
        using var officer = await app.SignedInAsync(_officer);
        var existing = await ActivityAsync("Conflictcheck");

        var noName = await officer.SubmitAsync("/Privacy/Register/Edit", new Dictionary<string, string> { ["Input.Name"] = " ", ["Input.Purposes"] = "Iets" });
        var duplicate = await officer.SubmitAsync("/Privacy/Register/Edit", new Dictionary<string, string> { ["Input.Name"] = "conflictcheck" });
        var endedWithoutDate = await officer.SubmitAsync($"/Privacy/Register/Edit/{existing.Id}", new Dictionary<string, string> { ["Input.Status"] = "Ended", ["Input.EndedOn"] = string.Empty });
        var endedInFuture = await officer.SubmitAsync($"/Privacy/Register/Edit/{existing.Id}", new Dictionary<string, string> { ["Input.Status"] = "Ended", ["Input.EndedOn"] = "2999-01-01" });
        var tooLong = await officer.SubmitAsync($"/Privacy/Register/Edit/{existing.Id}", new Dictionary<string, string> { ["Input.Purposes"] = new string('x', ProcessingRegisterLimits.LongText + 1) });

        Assert.Contains("Vul een naam", await Error(noName), StringComparison.Ordinal);
        Assert.Contains("al een activiteit met deze naam", await Error(duplicate), StringComparison.Ordinal);
        Assert.Contains("Vul de datum in", await Error(endedWithoutDate), StringComparison.Ordinal);
        Assert.Contains("niet na vandaag", await Error(endedInFuture), StringComparison.Ordinal);
        Assert.Contains("Maximaal 4000 tekens", await Error(tooLong), StringComparison.Ordinal);
        var unchanged = await ActivityAsync("Conflictcheck");
        Assert.Equal(ActivityStatus.Active, unchanged.Status);
        Assert.Equal(existing.Purposes, unchanged.Purposes);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Privacy/Register/Edit/{Guid.NewGuid()}")).StatusCode);

        static async Task<string> Error(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return string.Join(" ", (await CrmClient.ParseAsync(response)).QuerySelectorAll(".field-validation-error").Select(e => e.TextContent));
        }
    }

    [Fact]
    public async Task The_register_exports_as_pdf_csv_and_xlsx_with_firm_date_and_version_and_each_export_is_recorded()
    {
        using var officer = await app.SignedInAsync(_officer);
        await officer.SubmitAsync("/Privacy/Register/Controller", new Dictionary<string, string>
        {
            ["Input.ControllerContact"] = "Keizersgracht 1, 1015 CJ Amsterdam · privacy@register.test",
            ["Input.ProtectionOfficerName"] = "mr. P. Rivacy",
        });

        var pdf = await officer.SubmitAsync("/Privacy/Register", new Dictionary<string, string> { ["format"] = "Pdf" }, handler: "Export");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains("Register van verwerkingsactiviteiten", text, StringComparison.Ordinal);
            Assert.Contains("Register & Partners", text, StringComparison.Ordinal);
            Assert.Contains("Keizersgracht", text, StringComparison.Ordinal);
            Assert.Contains("Versie 1", text, StringComparison.Ordinal);
            Assert.Contains("Cliëntenonderzoek Wwft", text, StringComparison.Ordinal);
            Assert.Contains("art. 33 lid 3 Wwft", text, StringComparison.Ordinal);
            Assert.Contains("Wettelijke plicht (c)", text, StringComparison.Ordinal);
            Assert.Contains($"pagina 1 van {document.NumberOfPages}", text, StringComparison.Ordinal);
        }

        var csv = await officer.SubmitAsync("/Privacy/Register", new Dictionary<string, string> { ["format"] = "Csv" }, handler: "Export");
        var csvText = await csv.Content.ReadAsStringAsync();
        var lines = csvText.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Naam;Status;", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Conflictcheck;Actief;", StringComparison.Ordinal));

        var xlsx = await officer.SubmitAsync("/Privacy/Register", new Dictionary<string, string> { ["format"] = "Xlsx" }, handler: "Export");
        using (var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync()))
        {
            var sheets = string.Join("\n", zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()));
            Assert.Contains("Declaraties en financiële administratie", sheets, StringComparison.Ordinal);
            Assert.Contains("Bewaartermijn", sheets, StringComparison.Ordinal);
        }

        var page = await officer.GetDocumentAsync("/Privacy/Register");
        var exports = page.QuerySelectorAll("[data-testid=exports] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["3", "2", "1"], exports.Select(e => e[0]));
        Assert.Contains("Excel", exports[0][3], StringComparison.Ordinal);
        Assert.All(exports, e => Assert.Equal("6", e[4]));
    }

    [Fact]
    public async Task An_empty_register_can_be_started_from_the_standard_set_and_exported_as_empty_too()
    {
        var firm = await app.CreateFirmAsync("Leeg register");
        var officerUser = await app.AddUserAsync(firm, BuiltInRoles.PrivacyOfficer, "privacy");
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.ProcessingActivities.RemoveRange(await db.ProcessingActivities.ToListAsync());
            await db.SaveChangesAsync();
        }

        using var officer = await app.SignedInAsync(officerUser);
        Assert.NotNull((await officer.GetDocumentAsync("/Privacy/Register")).QuerySelector("[data-testid=register-empty]"));
        var empty = await officer.SubmitAsync("/Privacy/Register", new Dictionary<string, string> { ["format"] = "Pdf" }, handler: "Export");
        using (var document = PdfDocument.Open(await empty.Content.ReadAsByteArrayAsync()))
        {
            Assert.Contains("bevat nog geen verwerkingsactiviteiten", string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
        }

        // Twice, as a double click would: the standard set is added once.
        var start = (await officer.GetDocumentAsync("/Privacy/Register")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("[data-testid=register-empty] form")!;
        await officer.PostFormAsync(start, "/Privacy/Register", new Dictionary<string, string>());
        await officer.PostFormAsync(start, "/Privacy/Register", new Dictionary<string, string>());
        Assert.Equal(6, (await officer.GetDocumentAsync("/Privacy/Register")).QuerySelectorAll("[data-testid=activities] tbody tr").Length);
    }

    [Fact]
    public async Task Another_firm_never_sees_this_firms_register()
    {
        var activity = await ActivityAsync("Conflictcheck");
        var other = await app.CreateFirmAsync("Ander kantoor register");
        var otherOfficer = await app.AddUserAsync(other, BuiltInRoles.PrivacyOfficer, "privacy");
        using var stranger = await app.SignedInAsync(otherOfficer);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Privacy/Register/Edit/{activity.Id}")).StatusCode);
        var response = await stranger.SubmitAsync("/Privacy/Register", new Dictionary<string, string> { ["format"] = "Csv" }, handler: "Export");
        Assert.DoesNotContain("Register & Partners", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var deleted = await stranger.PostFormAsync(
            (await stranger.GetDocumentAsync("/Privacy/Register/Edit")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!,
            $"/Privacy/Register/Edit/{activity.Id}?handler=Delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Equal("Conflictcheck", (await ActivityAsync("Conflictcheck")).Name);
    }

    private async Task<ProcessingActivity> ActivityAsync(string name)
    {
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.ProcessingActivities.AsNoTracking().SingleAsync(a => a.Name == name);
    }
}
