using LegalCrm.TestSupport;
using LegalCrm.Web.Infrastructure.Keys;
using Npgsql;

namespace LegalCrm.IntegrationTests.Backups;

/// <summary>The operator's backup and restore commands, run as the real program.</summary>
// Restores apply grants to the cluster-wide app role; two at once in one cluster can deadlock (the migrator retries).
[Collection("Restores")]
public sealed class BackupCommandTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task Backup_then_restore_on_an_empty_database_and_a_restore_without_the_key_changes_nothing()
    {
        await app.CreateFirmAsync("Commando");
        var folder = Path.Combine(app.BackupsPath, "command");

        var (backupExit, backupOutput) = await ProgramRun.RunAsync(app, null, "backup", "--to", folder);
        Assert.True(backupExit == 0, backupOutput);
        var backup = Assert.Single(Directory.GetDirectories(folder, "legalcrm-*"));

        var target = await TestPostgres.CreateEmptyDatabaseAsync();
        var documents = Path.Combine(app.BackupsPath, "restored-documents");
        var onTarget = new Dictionary<string, string>
        {
            ["ConnectionStrings__Crm"] = target.AppConnectionString,
            ["ConnectionStrings__CrmAdmin"] = target.AdminConnectionString,
            ["Documents__StoragePath"] = documents,
        };

        var (refusedExit, refusedOutput) = await ProgramRun.RunAsync(
            app, new Dictionary<string, string>(onTarget) { ["Security__KeyEncryptionKey"] = KeyEncryptionKeys.NewKey() }, "restore", "--from", backup);
        Assert.Equal(1, refusedExit);
        Assert.Contains("Nothing was changed", refusedOutput, StringComparison.Ordinal);
        Assert.Equal(0L, await CountTablesAsync(target.AdminConnectionString));

        var (restoreExit, restoreOutput) = await ProgramRun.RunAsync(app, onTarget, "restore", "--from", backup);
        Assert.True(restoreExit == 0, restoreOutput);
        Assert.Contains("Restored the backup", restoreOutput, StringComparison.Ordinal);
        Assert.True(await CountTablesAsync(target.AdminConnectionString) > 50);
    }

    [Fact]
    public async Task Keys_new_kek_prints_a_key_the_app_accepts()
    {
        var (exit, output) = await ProgramRun.RunAsync(app, null, "keys", "new-kek");

        Assert.Equal(0, exit);
        Assert.Equal(32, Convert.FromBase64String(output.Split('\n')[0].Trim()).Length);
    }

    private static async Task<long> CountTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
