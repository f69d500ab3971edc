using System.Net;
using System.Security.Cryptography;
using System.Text;
using LegalCrm.TestSupport;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Backups;
using LegalCrm.Web.Infrastructure.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OtpNet;

namespace LegalCrm.IntegrationTests.Backups;

// Restores apply grants to the cluster-wide app role; two at once in one cluster can deadlock (the migrator retries).
[Collection("Restores")]
public sealed class BackupRestoreTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task Fill_back_up_restore_on_a_wiped_machine_and_users_sign_in_decrypt_and_find_everything()
    {
        // Fill: a firm, a client with a dossier and a document, a user with two-factor sign-in.
        var firm = await app.CreateFirmAsync("Back-up");
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Rederij Terugzet" });
        var clientId = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = "Aanvaring Terugzet" });
        var dossierId = Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
        await lawyer.UploadAsync($"/Dossiers/{dossierId}/Documents", "files", [("akte.pdf", Pdf)]);
        var documentId = await ScalarAsync<Guid>(app.Database.AdminConnectionString, $"SELECT document_id FROM document_versions WHERE file_name = 'akte.pdf' AND tenant_id = '{firm.Id}'");
        var officer = firm.Users["privacy-officer"];
        string totpKey;
        using (var enrolling = await app.SignedInAsync(officer))
        {
            var setup = await enrolling.GetDocumentAsync("/Account/Manage/TwoFactor");
            var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            await enrolling.SubmitAsync("/Account/Manage/TwoFactor", new Dictionary<string, string> { ["Code"] = Totp(key) }, "Enable");
            totpKey = key;
        }

        // Back up.
        BackupFolder backup;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            backup = await scope.ServiceProvider.GetRequiredService<BackupWriter>().WriteAsync();
        }

        Assert.Equal([KeyEncryptionKeys.IdOf(Convert.FromBase64String(app.KeyEncryptionKey))], backup.Manifest.KeyEncryptionKeyIds);
        Assert.True(backup.Manifest.RowCounts["dossiers"] >= 1);
        Assert.True(backup.Manifest.RowCounts["users"] >= firm.Users.Count);
        Assert.Equal(Directory.EnumerateFiles(app.DocumentsPath, "*", SearchOption.AllDirectories).Count(), backup.Manifest.DocumentFiles);
        Assert.False(Directory.Exists(backup.Path + ".partial"));
        // The dump is encrypted too: a copy of the backup alone reads nothing.
        Assert.Equal(backup.Manifest.KeyEncryptionKeyIds[0], backup.Manifest.DatabaseKeyEncryptionKeyId);
        var dumpBytes = await File.ReadAllBytesAsync(Path.Combine(backup.Path, BackupManifest.DumpFileName));
        Assert.Equal(-1, dumpBytes.AsSpan().IndexOf("Rederij Terugzet"u8));
        Assert.Equal(-1, dumpBytes.AsSpan().IndexOf("PGDMP"u8));

        // A wiped machine: an empty database and no document folder.
        var target = await TestPostgres.CreateEmptyDatabaseAsync();
        var documents = Path.Combine(Path.GetTempPath(), "legalcrm-restored-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Without the key-encryption key the backup needs: a clear refusal, and nothing changed.
            var otherKeys = KeyEncryptionKeys.From(new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { [KeyEncryptionKeys.CurrentSetting] = KeyEncryptionKeys.NewKey() }).Build());
            var refused = await Assert.ThrowsAsync<BackupRefusedException>(() =>
                new BackupRestorer(otherKeys, TimeProvider.System, NullLogger<BackupRestorer>.Instance).RestoreAsync(backup.Path, target.AdminConnectionString, documents, replace: false, null));
            Assert.Contains(backup.Manifest.KeyEncryptionKeyIds[0], refused.Message, StringComparison.Ordinal);
            Assert.Contains("Nothing was changed", refused.Message, StringComparison.Ordinal);
            Assert.Equal(0, await ScalarAsync<long>(target.AdminConnectionString, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
            Assert.False(Directory.Exists(documents));

            // With it: restored, counted, migrated.
            RestoreReport report;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                report = await scope.ServiceProvider.GetRequiredService<BackupRestorer>().RestoreAsync(backup.Path, target.AdminConnectionString, documents, replace: false, null);
            }

            Assert.Equal(backup.Manifest.RowCounts, report.RowCounts);

            // Restoring again over it is refused unless asked for; asked for, the document folder there is kept aside.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var restorer = scope.ServiceProvider.GetRequiredService<BackupRestorer>();
                await Assert.ThrowsAsync<BackupRefusedException>(() => restorer.RestoreAsync(backup.Path, target.AdminConnectionString, documents, replace: false, null));
                var again = await restorer.RestoreAsync(backup.Path, target.AdminConnectionString, documents, replace: true, null);
                Assert.Equal(backup.Manifest.RowCounts, again.RowCounts);
                Assert.True(Directory.Exists(again.PreviousDocuments));
                Directory.Delete(again.PreviousDocuments!, recursive: true);
            }

            // The restored installation, started fresh with the same key-encryption key.
            await using var restored = new AppOnDatabase(target, documents, app.KeyEncryptionKey);
            await restored.InitializeAsync();
            using var restoredLawyer = await restored.SignedInAsync(firm.Lawyer);
            var download = await restoredLawyer.GetAsync($"/Dossiers/{dossierId}/Documents/{documentId}?handler=File");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync())));
            Assert.Contains("Rederij Terugzet", await (await restoredLawyer.GetAsync($"/Clients/{clientId}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // The two-factor key (encrypted with Data Protection, whose keys the key-encryption key opens) still works.
            using var restoredOfficer = restored.Anonymous();
            var password = await restoredOfficer.SignInAsync(officer.Email, CrmAppFactory.Password);
            Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var code = await restoredOfficer.SubmitAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = Totp(totpKey) });
            Assert.Equal("/", code.Headers.Location!.OriginalString);

            // And the audit chain (keyed with the firm's own key) verifies intact.
            await using (var scope = restored.FirmScope(firm.Id))
            {
                await scope.ServiceProvider.GetRequiredService<AuditChainSealer>().SealAsync();
                Assert.True((await scope.ServiceProvider.GetRequiredService<AuditChainVerification>().RunAsync(progress: null)).Intact);
            }
        }
        finally
        {
            if (Directory.Exists(documents))
            {
                Directory.Delete(documents, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_anything_changes()
    {
        BackupFolder backup;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            backup = await scope.ServiceProvider.GetRequiredService<BackupWriter>().WriteAsync(Path.Combine(app.BackupsPath, "damaged"));
        }

        await using (var dump = File.OpenWrite(Path.Combine(backup.Path, BackupManifest.DumpFileName)))
        {
            dump.Position = 100;
            dump.WriteByte(0x42);
        }

        var target = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var restoring = app.Services.CreateAsyncScope();
        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() =>
            restoring.ServiceProvider.GetRequiredService<BackupRestorer>().RestoreAsync(backup.Path, target.AdminConnectionString, Path.Combine(app.BackupsPath, "nowhere"), replace: false, null));
        Assert.Contains("checksum", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync<long>(target.AdminConnectionString, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    [Fact]
    public async Task The_backup_job_keeps_the_newest_and_the_page_shows_how_it_went()
    {
        var root = Path.Combine(app.BackupsPath, "kept");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var writer = scope.ServiceProvider.GetRequiredService<BackupWriter>();
            for (var i = 0; i < 3; i++)
            {
                await writer.WriteAsync(root);
            }

            var newest = writer.List(root)[0].Name;
            Assert.Single(writer.Prune(2, root));
            Assert.Equal(2, writer.List(root).Count);
            Assert.Equal(newest, writer.List(root)[0].Name);
        }

        var firm = await app.CreateFirmAsync("Back-up pagina");
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Backups")).StatusCode);

        using var admin = await app.SignedInAsync(firm.Admin);
        var started = await admin.SubmitAsync("/Backups", new Dictionary<string, string>(), "Run");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string runs;
        do
        {
            await Task.Delay(300);
            runs = (await admin.GetDocumentAsync("/Backups")).QuerySelector("[data-testid=backup-runs]")?.TextContent ?? string.Empty;
        }
        while (!runs.Contains("Gelukt", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("Gelukt", runs, StringComparison.Ordinal);
        Assert.Contains("Op verzoek", runs, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.EnumerateDirectories(app.BackupsPath, "legalcrm-*"));
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static string Totp(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();
}
