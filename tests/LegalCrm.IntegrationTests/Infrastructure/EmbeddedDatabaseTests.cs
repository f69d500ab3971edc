using LegalCrm.Web.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LegalCrm.IntegrationTests.Infrastructure;

public sealed class EmbeddedDatabaseTests
{
    [Fact]
    public void The_machines_postgresql_binaries_are_found()
    {
        var bin = PostgresBinaries.Find();

        Assert.NotNull(bin);
        Assert.True(File.Exists(Path.Combine(bin, "pg_ctl")));
    }

    [Fact]
    public async Task The_embedded_database_keeps_its_data_across_restarts_and_the_app_login_is_not_privileged()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"legalcrm-embedded-{Guid.NewGuid():N}");
        var options = new EmbeddedPostgresOptions { DataDirectory = directory };
        try
        {
            await using (var first = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance))
            {
                await ExecuteAsync(first.AdminConnectionString, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here');");
            }

            await using var second = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance);
            Assert.Equal("still here", await ExecuteAsync(second.AdminConnectionString, "SELECT value FROM kept"));
            Assert.Equal(false, await ExecuteAsync(second.AppConnectionString, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"));
            Assert.Equal("127.0.0.1", new NpgsqlConnectionStringBuilder(second.AppConnectionString).Host);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task As_root_a_data_folder_the_postgres_user_cannot_reach_is_replaced_by_one_it_can()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName != "root")
        {
            return; // Only root runs PostgreSQL as another user; elsewhere the folder is always reachable.
        }

        var privateParent = Path.Combine(Path.GetTempPath(), $"legalcrm-private-{Guid.NewGuid():N}");
        Directory.CreateDirectory(privateParent);
        File.SetUnixFileMode(privateParent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string? used = null;
        try
        {
            await using var server = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = Path.Combine(privateParent, ".data"), Ephemeral = true }, NullLogger.Instance);
            used = server.DataDirectory;

            Assert.StartsWith("/var/lib/legalcrm/", used, StringComparison.Ordinal);
            Assert.Equal(1, await ExecuteAsync(server.AdminConnectionString, "SELECT 1"));
        }
        finally
        {
            Directory.Delete(privateParent, recursive: true);
            if (used is not null && Directory.Exists(used))
            {
                Directory.Delete(used, recursive: true);
            }
        }
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
