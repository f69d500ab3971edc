using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LegalCrm.IntegrationTests.Audit;

public sealed class AuditChainTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task A_sealed_chain_verifies_and_a_row_altered_or_deleted_by_the_database_owner_is_reported_at_its_place()
    {
        var firm = await app.CreateFirmAsync("Keten");
        var contact = await CreateContactAsync(firm, "Keten Vastgoed");
        // The recurring seal job may get there first: count what the firm's chain holds, not what this call sealed.
        await SealAsync(firm);
        Assert.Equal(0, await SealAsync(firm));
        long sealedRows;
        await using (var scope = app.FirmScope(firm.Id))
        {
            sealedRows = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries.LongCountAsync(a => a.ChainSeq != null);
        }

        Assert.True(sealedRows > 10, $"{sealedRows} rows sealed");

        var intact = await VerifyAsync(firm);
        Assert.True(intact.Intact, string.Join("; ", intact.Problems));
        Assert.Equal(sealedRows, intact.Checked);

        // Someone with the owner's password edits history: who changed the contact, and removes a sign-in.
        var (altered, removed) = await TamperAsync(
            $"UPDATE audit_entries SET actor_name = 'someone.else@keten.test' WHERE id = (SELECT max(id) FROM audit_entries WHERE tenant_id = '{firm.Id}' AND subject_id = '{contact}') RETURNING id",
            $"DELETE FROM audit_entries WHERE id = (SELECT min(id) FROM audit_entries WHERE tenant_id = '{firm.Id}' AND action = 'sign-in.succeeded') RETURNING chain_seq");

        var report = await VerifyAsync(firm);

        Assert.False(report.Intact);
        Assert.True(report.ProblemCount == 2, string.Join("; ", report.Problems) + $" altered {altered} removed {removed}");
        Assert.Contains(report.Problems, p => p.Kind == ChainProblemKind.RowAltered && p.Id == altered);
        Assert.Contains(report.Problems, p => p.Kind == ChainProblemKind.RowsMissing && p.MissingFrom == removed && p.Seq == removed + 1);
    }

    [Fact]
    public async Task An_anonymisation_keeps_the_chain_intact_but_hiding_a_change_behind_it_is_found()
    {
        var firm = await app.CreateFirmAsync("Keten anoniem");
        var contact = await CreateContactAsync(firm, "Wisselink Holding");
        await CreateContactAsync(firm, "Andere Holding");
        await SealAsync(firm);

        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True(await AuditAnonymiser.AnonymiseAsync(db, "Contact", [contact], "Persoon 8F2A", ["Wisselink Holding"], CancellationToken.None) > 0);
            await transaction.CommitAsync();
        }

        var report = await VerifyAsync(firm);
        Assert.True(report.Intact, string.Join("; ", report.Problems));
        Assert.True(report.Anonymised > 0);

        // Marking another row as anonymised by that run, to hide a change to it, does not match the run's own record.
        await TamperAsync(
            $"""
            UPDATE audit_entries SET changes = '{"{"}"Notes": {"{"}"old": null, "new": "verzonnen"{"}}"}'::jsonb,
                   anonymised_by = ARRAY[(SELECT max(id) FROM audit_entries WHERE tenant_id = '{firm.Id}' AND action = 'audit.anonymised')]
             WHERE id = (SELECT max(id) FROM audit_entries WHERE tenant_id = '{firm.Id}' AND entity_type = 'Contact' AND anonymised_by IS NULL AND chain_seq IS NOT NULL)
             RETURNING id
            """);

        var tampered = await VerifyAsync(firm);
        Assert.Equal(ChainProblemKind.AnonymisationMismatch, Assert.Single(tampered.Problems).Kind);
    }

    [Fact]
    public async Task The_app_cannot_change_a_sealed_row_neither_directly_nor_through_the_sealing_function()
    {
        var firm = await app.CreateFirmAsync("Keten rechten");
        await SealAsync(firm);
        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var first = await db.AuditEntries.AsNoTracking().Where(a => a.ChainSeq == 1).Select(a => a.Id).SingleAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET actor_name = 'x' WHERE id = {first}"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        var reseal = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
            "SELECT legalcrm_seal_audit(ARRAY[@id]::bigint[], ARRAY[1]::bigint[], ARRAY['\\x00'::bytea], ARRAY['\\x00'::bytea])", new NpgsqlParameter("id", first)));
        Assert.Contains("continue the chain", reseal.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officer_starts_a_verification_on_the_chain_page_and_reads_the_first_broken_link()
    {
        var firm = await app.CreateFirmAsync("Keten pagina");
        await CreateContactAsync(firm, "Pagina Holding");
        using var officer = await app.SignedInAsync(firm.Users[BuiltInRoles.PrivacyOfficer]);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Audit/Chain")).StatusCode);
        await RunFromPageAsync(officer);
        var intact = await officer.GetDocumentAsync("/Audit/Chain");
        Assert.Contains("Intact", intact.QuerySelector("[data-testid=verification-result]")!.TextContent, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", intact.QuerySelector("[data-testid=head-hash]")!.TextContent);

        var (altered, _) = await TamperAsync(
            $"UPDATE audit_entries SET entity_type = 'Dossier' WHERE id = (SELECT min(id) FROM audit_entries WHERE tenant_id = '{firm.Id}' AND entity_type = 'Contact') RETURNING id");
        await RunFromPageAsync(officer);

        var broken = await officer.GetDocumentAsync("/Audit/Chain");
        var result = broken.QuerySelector("[data-testid=verification-result]")!.TextContent;
        Assert.Contains("1 gebroken schakels", result, StringComparison.Ordinal);
        Assert.Contains($"Regel {altered}", broken.QuerySelector("[data-testid=chain-problem]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Regel gewijzigd", result, StringComparison.Ordinal);

        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.AuditVerified));

        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Audit/Chain")).StatusCode);
    }

    private static async Task RunFromPageAsync(CrmClient officer)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync("/Audit/Chain", new Dictionary<string, string>(), handler: "Verify")).StatusCode);
        for (var i = 0; i < 100; i++)
        {
            var page = await officer.GetDocumentAsync("/Audit/Chain");
            if (page.QuerySelector("[data-testid=verification-progress]") is null)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The verification did not finish within 10 seconds.");
    }

    private async Task<Guid> CreateContactAsync(TestFirm firm, string name)
    {
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        var created = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = name });
        var id = Guid.Parse(created.Headers.Location!.OriginalString["/Clients/".Length..]);
        Assert.Equal(HttpStatusCode.Redirect, (await lawyer.SubmitAsync($"/Clients/Edit/{id}", new Dictionary<string, string> { ["Input.Notes"] = name + " belde" })).StatusCode);
        return id;
    }

    private async Task<long> SealAsync(TestFirm firm)
    {
        await using var scope = app.FirmScope(firm.Id);
        return await scope.ServiceProvider.GetRequiredService<AuditChainSealer>().SealAsync();
    }

    private async Task<AuditChainReport> VerifyAsync(TestFirm firm)
    {
        await using var scope = app.FirmScope(firm.Id);
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerification>().RunAsync(progress: null);
    }

    /// <summary>Runs statements as the database owner (who may change anything); returns what each RETURNING gave.</summary>
    private async Task<(long First, long Second)> TamperAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(app.Database.AdminConnectionString);
        await connection.OpenAsync();
        var results = new List<long>();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            results.Add(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        return (results[0], results.Count > 1 ? results[1] : 0);
    }
}
