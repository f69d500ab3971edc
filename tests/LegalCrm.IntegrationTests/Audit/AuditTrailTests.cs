using System.Net;
using System.Text.Json;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LegalCrm.IntegrationTests.Audit;

public sealed class AuditTrailTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;

    public async Task InitializeAsync() => _firm = await app.CreateFirmAsync("Audit");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_change_through_a_page_is_recorded_with_old_and_new_values_and_who_made_it()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);

        var response = await admin.SubmitAsync("/Access/Settings", new Dictionary<string, string> { ["Input.Name"] = "Audit & Partners" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.FirmScope(_firm.Id);
        var entry = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries
            .Where(a => a.EntityType == "Firm" && a.Action == AuditActions.Update)
            .SingleAsync();
        using var changes = JsonDocument.Parse(entry.Changes!);
        Assert.Equal("Audit", changes.RootElement.GetProperty("Name").GetProperty("old").GetString());
        Assert.Equal("Audit & Partners", changes.RootElement.GetProperty("Name").GetProperty("new").GetString());
        Assert.Equal(_firm.Admin.Email, entry.ActorName);
        Assert.Equal(_firm.Admin.Id, entry.UserId);
        Assert.Equal(_firm.Id, entry.TenantId);
    }

    [Fact]
    public async Task Secrets_are_never_written_into_the_trail()
    {
        await using var scope = app.FirmScope(_firm.Id);
        var rows = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries
            .Where(a => a.EntityType == "CrmUser" && a.Action == AuditActions.Insert)
            .Select(a => a.Changes!)
            .ToListAsync();

        Assert.NotEmpty(rows);
        Assert.All(rows, json =>
        {
            using var doc = JsonDocument.Parse(json);
            Assert.Equal("(hidden)", doc.RootElement.GetProperty("PasswordHash").GetProperty("new").GetString());
            Assert.Equal("(hidden)", doc.RootElement.GetProperty("SecurityStamp").GetProperty("new").GetString());
        });
    }

    [Fact]
    public async Task Sign_ins_are_recorded()
    {
        using var _ = await app.SignedInAsync(_firm.Lawyer);

        await using var scope = app.FirmScope(_firm.Id);
        Assert.True(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries
            .AnyAsync(a => a.UserId == _firm.Lawyer.Id && a.Action == AuditActions.SignInSucceeded));
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'tampered'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task The_app_role_cannot_change_or_remove_audit_rows(string sql)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand($"SELECT set_config('app.tenant_id', '{_firm.Id}', false)", connection))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_audit_page_filters_by_record_type_and_shows_the_changed_fields()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);
        await admin.SubmitAsync("/Access/Settings", new Dictionary<string, string> { ["Input.Name"] = "Audit Filtered" });

        var page = await admin.GetDocumentAsync("/Audit?entity=Firm");

        var rows = page.QuerySelectorAll("[data-testid=audit-table] > tbody > tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("Kantoor", r.TextContent, StringComparison.Ordinal));
        Assert.Contains("Audit Filtered", page.QuerySelector("[data-testid=audit-table]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_page_shows_no_filter_complaint_for_valid_filters()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);

        var html = await (await admin.GetAsync($"/Audit?user=&entity=&action=sign-in.succeeded&from=&to=")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("Controleer de filters", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_page_answers_bad_filters_with_a_message_not_an_error()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);

        var response = await admin.GetAsync("/Audit?from=not-a-date&user=xyz&p=-4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Controleer de filters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
