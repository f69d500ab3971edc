using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Clients;

public sealed class ContactExportTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Export");
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);
        await client.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.LastName"] = "=HYPERLINK(\"http://evil.test\")", ["Input.Emails[0].Address"] = "formule@voorbeeld.nl" });
        await client.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Export Holding", ["Input.KvkNumber"] = "11223344" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_csv_export_escapes_formulas_and_is_recorded_in_the_audit_trail()
    {
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);

        var response = await client.GetAsync("/Clients?handler=Export&format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("client_number;kind;display_name", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("Export Holding", csv, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var entry = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries.SingleAsync(a => a.Action == AuditActions.Export);
        using var changes = System.Text.Json.JsonDocument.Parse(entry.Changes!);
        Assert.Equal(2, changes.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(_firm.Users["assistant"].Email, entry.ActorName);
    }

    [Fact]
    public async Task The_vcard_export_follows_the_list_filters()
    {
        using var client = await app.SignedInAsync(_firm.Users["assistant"]);

        var vcards = await (await client.GetAsync("/Clients?handler=Export&format=vcard&kind=Organisation")).Content.ReadAsStringAsync();

        Assert.Equal(1, vcards.Split("BEGIN:VCARD").Length - 1);
        Assert.Contains("ORG:Export Holding", vcards, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_export_permission_there_is_no_export()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var response = await lawyer.GetAsync("/Clients?handler=Export&format=csv");
        var page = await lawyer.GetDocumentAsync("/Clients");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(page.QuerySelector("[data-testid=export-csv]"));
    }
}
