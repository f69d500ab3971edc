using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LegalCrm.IntegrationTests.Documents;

/// <summary>The app with a per-file limit of 1 MB, so the limit can be tested without 50 MB uploads.</summary>
public sealed class SmallLimitApp : CrmAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Documents:MaxFileSizeMegabytes", "1")];
}

public sealed class DocumentTests(SmallLimitApp app) : IClassFixture<SmallLimitApp>, IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
    private static readonly byte[] Program = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];

    private TestFirm _firm = null!;
    private Guid _dossier;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Documenten");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Scheepswerf Document" });
        var clientId = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = "Stukken scheepswerf" });
        _dossier = Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string DocumentsUrl => $"/Dossiers/{_dossier}/Documents";

    [Fact]
    public async Task Uploaded_files_come_back_byte_for_byte_with_their_checksum_and_the_type_read_from_the_content()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var response = await lawyer.UploadAsync(DocumentsUrl, "files", [("dagvaarding.pdf", Pdf), ("foto schade.png", Png)], new Dictionary<string, string> { ["category"] = "Pleading", ["documentDate"] = "2026-11-02" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var versions = await VersionsAsync();
        var pdf = versions.Single(v => v.FileName == "dagvaarding.pdf");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), pdf.Sha256);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal(Pdf.Length, pdf.SizeBytes);
        Assert.Equal("image/png", versions.Single(v => v.FileName == "foto schade.png").ContentType);

        var list = await lawyer.GetDocumentAsync(DocumentsUrl);
        Assert.Contains("dagvaarding", list.QuerySelector("[data-testid=documents]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Processtuk", list.QuerySelector("[data-testid=documents]")!.TextContent, StringComparison.Ordinal);

        var download = await lawyer.GetAsync($"{DocumentsUrl}/{pdf.DocumentId}?handler=File");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        var preview = await lawyer.GetAsync($"{DocumentsUrl}/{pdf.DocumentId}?handler=File&inline=true");
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", preview.Headers.GetValues("X-Content-Type-Options").Single());
        // The document page frames the PDF: only this app may (every other answer: frame-ancestors 'none').
        Assert.Equal("frame-ancestors 'self'", preview.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var history = await lawyer.GetDocumentAsync($"/Dossiers/{_dossier}");
        Assert.Contains("dagvaarding", history.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("dagvaarding", history.QuerySelector("[data-testid=dossier-documents]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disguised_empty_or_oversized_file_refuses_the_whole_batch_with_a_message_and_stores_nothing()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var before = (await VersionsAsync()).Count;

        foreach (var (name, content, expected) in new[]
                 {
                     ("contract.pdf", Program, "niet wat de naam zegt"),
                     ("leeg.pdf", Array.Empty<byte>(), "is leeg"),
                     ("groot.pdf", Pdf.Concat(new byte[1024 * 1024]).ToArray(), "groter dan 1 MB"),
                     ("script.exe", Program, "kunnen niet worden toegevoegd"),
                 })
        {
            var response = await lawyer.UploadAsync(DocumentsUrl, "files", [("goed.pdf", Pdf), (name, content)]);
            var page = await CrmClient.ParseAsync(response);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(expected, page.QuerySelector("[data-testid=upload-errors]")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Er is niets toegevoegd", page.QuerySelector("[data-testid=upload-errors]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await VersionsAsync()).Count);
        Assert.Equal(before, StoredFiles().Count);
    }

    [Fact]
    public async Task A_file_name_with_folders_is_saved_under_its_own_name_and_the_user_is_told()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var response = await lawyer.UploadAsync(DocumentsUrl, "files", [(@"..\..\windows\system32\brief:cliënt.pdf", Pdf)]);
        var page = await lawyer.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.Contains((await VersionsAsync()).Select(v => v.FileName), n => n == "brief_cliënt.pdf");
        Assert.Contains("opgeslagen als brief_cliënt.pdf", page.QuerySelector(".notice-success, [role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_becomes_current_and_the_old_one_stays_downloadable()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        await lawyer.UploadAsync(DocumentsUrl, "files", [("concept-akte.pdf", Pdf)]);
        var document = (await VersionsAsync()).Single(v => v.FileName == "concept-akte.pdf").DocumentId;
        var second = Encoding.ASCII.GetBytes("%PDF-1.7\n% tweede versie\n%%EOF\n");

        var response = await lawyer.UploadAsync($"{DocumentsUrl}/{document}", "files", [("akte-definitief.pdf", second)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(second, await (await lawyer.GetAsync($"{DocumentsUrl}/{document}?handler=File")).Content.ReadAsByteArrayAsync());
        Assert.Equal(Pdf, await (await lawyer.GetAsync($"{DocumentsUrl}/{document}?handler=File&version=1")).Content.ReadAsByteArrayAsync());
        var page = await lawyer.GetDocumentAsync($"{DocumentsUrl}/{document}");
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=versions] tbody tr").Length);
    }

    [Fact]
    public async Task Title_category_and_date_can_be_changed_and_a_stale_form_is_refused()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        await lawyer.UploadAsync(DocumentsUrl, "files", [("memo.pdf", Pdf)]);
        var document = (await VersionsAsync()).Single(v => v.FileName == "memo.pdf").DocumentId;
        var form = (IHtmlFormElement)(await lawyer.GetDocumentAsync($"{DocumentsUrl}/{document}")).QuerySelector("[data-testid=document-edit]")!;

        var saved = await lawyer.PostFormAsync(form, $"{DocumentsUrl}/{document}", new Dictionary<string, string> { ["title"] = "Memo aansprakelijkheid", ["category"] = "Memo", ["documentDate"] = "2026-10-01" });
        var stale = await lawyer.PostFormAsync(form, $"{DocumentsUrl}/{document}", new Dictionary<string, string> { ["title"] = "Oude titel" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Iemand anders heeft dit document gewijzigd", (await CrmClient.ParseAsync(stale)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var stored = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Documents.SingleAsync(d => d.Id == document);
        Assert.Equal(("Memo aansprakelijkheid", DocumentCategory.Memo, new DateOnly(2026, 10, 1)), (stored.Title, stored.Category, stored.DocumentDate!.Value));
    }

    [Fact]
    public async Task Outsiders_walled_users_and_readers_cannot_reach_a_document_or_its_file()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        await lawyer.UploadAsync(DocumentsUrl, "files", [("geheim.pdf", Pdf)]);
        var document = (await VersionsAsync()).Single(v => v.FileName == "geheim.pdf").DocumentId;
        var outsider = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "buitenstaander");
        var reader = await app.AddUserAsync(_firm, BuiltInRoles.ReadOnly, "lezer");
        using var admin = await app.SignedInAsync(_firm.Admin);
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Add(new DossierMember { DossierId = _dossier, UserId = reader.Id });
            db.EthicalWalls.Add(new EthicalWall { UserId = _firm.Admin.Id, DossierId = _dossier, Reason = "Belang bij wederpartij", CreatedBy = "test" });
            await db.SaveChangesAsync();
        }

        using var outsiderClient = await app.SignedInAsync(outsider);
        using var readerClient = await app.SignedInAsync(reader);
        foreach (var client in new[] { outsiderClient, admin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(DocumentsUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{DocumentsUrl}/{document}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{DocumentsUrl}/{document}?handler=File")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{DocumentsUrl}/{document}?handler=File&inline=true")).StatusCode);
        }

        // A reader in the team may read, not upload.
        Assert.Equal(HttpStatusCode.OK, (await readerClient.GetAsync($"{DocumentsUrl}/{document}?handler=File")).StatusCode);
        Assert.Null((await readerClient.GetDocumentAsync(DocumentsUrl)).QuerySelector("[data-testid=upload-form]"));
        var token = (await readerClient.GetDocumentAsync(DocumentsUrl)).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Pdf), "files", "x.pdf" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await readerClient.Http.PostAsync(new Uri($"{DocumentsUrl}?handler=Upload", UriKind.Relative), body)).StatusCode);

        // Every read of a file is in the dossier's read log.
        await using var check = app.FirmScope(_firm.Id);
        Assert.True(await check.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries
            .AnyAsync(a => a.SubjectId == _dossier && a.Action == "view" && a.EntityType == nameof(LegalCrm.Web.Features.Documents.Document) && a.ActorName == reader.Email));
    }

    [Fact]
    public async Task Files_are_stored_encrypted_with_the_firms_key_and_a_rotated_key_leaves_older_files_readable()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        await lawyer.UploadAsync(DocumentsUrl, "files", [("voor rotatie.pdf", Pdf)]);
        await using (var scope = app.FirmScope(_firm.Id))
        {
            await scope.ServiceProvider.GetRequiredService<LegalCrm.Web.Infrastructure.Keys.FirmKeys>().RotateAsync(LegalCrm.Web.Infrastructure.Keys.FirmKeyPurposes.Documents);
        }

        await lawyer.UploadAsync(DocumentsUrl, "files", [("na rotatie.pdf", Pdf)]);

        var versions = await VersionsAsync();
        var before = versions.Single(v => v.FileName == "voor rotatie.pdf");
        var after = versions.Single(v => v.FileName == "na rotatie.pdf");
        var beforeBytes = await File.ReadAllBytesAsync(StoredFiles().Single(f => Path.GetFileName(f) == before.Id.ToString("N")));
        var afterBytes = await File.ReadAllBytesAsync(StoredFiles().Single(f => Path.GetFileName(f) == after.Id.ToString("N")));
        Assert.Equal(-1, beforeBytes.AsSpan().IndexOf("%PDF"u8));
        Assert.Equal(-1, beforeBytes.AsSpan().IndexOf("/Catalog"u8));
        Assert.True(DocumentCipher.ReadKeyVersion(new MemoryStream(afterBytes)) > DocumentCipher.ReadKeyVersion(new MemoryStream(beforeBytes)));
        foreach (var version in new[] { before, after })
        {
            var download = await lawyer.GetAsync($"{DocumentsUrl}/{version.DocumentId}?handler=File");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        // A file stored before encryption was introduced (plain bytes, same checksum) is still served.
        await File.WriteAllBytesAsync(StoredFiles().Single(f => Path.GetFileName(f) == before.Id.ToString("N")), Pdf);
        Assert.Equal(Pdf, await (await lawyer.GetAsync($"{DocumentsUrl}/{before.DocumentId}?handler=File")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_altered_encrypted_file_is_not_served()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        await lawyer.UploadAsync(DocumentsUrl, "files", [("gewijzigd.pdf", Pdf)]);
        var version = (await VersionsAsync()).Single(v => v.FileName == "gewijzigd.pdf");
        var path = StoredFiles().Single(f => Path.GetFileName(f) == version.Id.ToString("N"));
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[DocumentCipher.HeaderSize + 3] ^= 0x20;
        await File.WriteAllBytesAsync(path, bytes);

        var response = await lawyer.GetAsync($"{DocumentsUrl}/{version.DocumentId}?handler=File");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("integriteitscontrole", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_file_is_not_served()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        await lawyer.UploadAsync(DocumentsUrl, "files", [("beschadigd.pdf", Pdf)]);
        var version = (await VersionsAsync()).Single(v => v.FileName == "beschadigd.pdf");
        var path = StoredFiles().Single(f => Path.GetFileName(f) == version.Id.ToString("N"));
        await File.WriteAllBytesAsync(path, Encoding.ASCII.GetBytes("%PDF-1.4 vervalst"));

        var response = await lawyer.GetAsync($"{DocumentsUrl}/{version.DocumentId}?handler=File");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("integriteitscontrole", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_database_refuses_the_record_the_stored_files_are_removed_again()
    {
        await using (var connection = new NpgsqlConnection(app.Database.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                CREATE OR REPLACE FUNCTION test_refuse_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.file_name = 'weigeren.pdf' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
                DROP TRIGGER IF EXISTS test_refuse_version ON document_versions;
                CREATE TRIGGER test_refuse_version BEFORE INSERT ON document_versions FOR EACH ROW EXECUTE FUNCTION test_refuse_version();
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var before = StoredFiles().Count;

        var response = await lawyer.UploadAsync(DocumentsUrl, "files", [("eerst.pdf", Pdf), ("weigeren.pdf", Pdf)]);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(before, StoredFiles().Count);
        Assert.DoesNotContain(await VersionsAsync(), v => v.FileName == "eerst.pdf");
    }

    [Fact]
    public async Task A_closed_dossier_takes_no_documents()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Id == _dossier);
            dossier.Status = DossierStatus.Closed;
            await db.SaveChangesAsync();
        }

        try
        {
            var page = await lawyer.GetDocumentAsync(DocumentsUrl);
            Assert.Null(page.QuerySelector("[data-testid=upload-form]"));
            var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
            using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Pdf), "files", "laat.pdf" } };
            var response = await lawyer.Http.PostAsync(new Uri($"{DocumentsUrl}?handler=Upload", UriKind.Relative), body);

            Assert.Contains("gesloten", (await CrmClient.ParseAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(await VersionsAsync(), v => v.FileName == "laat.pdf");
        }
        finally
        {
            await using var scope = app.FirmScope(_firm.Id);
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            (await db.Dossiers.SingleAsync(d => d.Id == _dossier)).Status = DossierStatus.Intake;
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task The_orphan_sweep_deletes_old_files_without_a_record_and_unfinished_writes_and_keeps_the_rest()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        await lawyer.UploadAsync(DocumentsUrl, "files", [("bewaren.pdf", Pdf)]);
        var kept = (await VersionsAsync()).Single(v => v.FileName == "bewaren.pdf");
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var orphan = Guid.CreateVersion7();
        await store.SaveAsync(new DocumentKey(_firm.Id, orphan), new MemoryStream(Pdf));
        var recent = Guid.CreateVersion7();
        await store.SaveAsync(new DocumentKey(_firm.Id, recent), new MemoryStream(Pdf));
        var unfinished = Path.Combine(app.DocumentsPath, _firm.Id.ToString("N"), "00", "abandoned.partial");
        Directory.CreateDirectory(Path.GetDirectoryName(unfinished)!);
        await File.WriteAllBytesAsync(unfinished, Pdf);
        File.SetLastWriteTimeUtc(unfinished, DateTime.UtcNow.AddDays(-2));
        foreach (var path in StoredFiles().Where(f => Path.GetFileName(f) == orphan.ToString("N") || Path.GetFileName(f) == kept.Id.ToString("N")))
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-2));
        }

        await app.Services.GetRequiredService<DocumentOrphanSweep>().SweepAsync(CancellationToken.None);

        var names = StoredFiles().Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(orphan.ToString("N"), names);
        Assert.Contains(kept.Id.ToString("N"), names);
        Assert.Contains(recent.ToString("N"), names);
        Assert.DoesNotContain("abandoned.partial", names);
        await store.DeleteAsync(new DocumentKey(_firm.Id, recent));
    }

    private List<string> StoredFiles() =>
        Directory.Exists(Path.Combine(app.DocumentsPath, _firm.Id.ToString("N")))
            ? Directory.EnumerateFiles(Path.Combine(app.DocumentsPath, _firm.Id.ToString("N")), "*", SearchOption.AllDirectories).ToList()
            : [];

    private async Task<List<DocumentVersion>> VersionsAsync()
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().DocumentVersions.Where(v => v.DossierId == _dossier).ToListAsync();
    }
}
