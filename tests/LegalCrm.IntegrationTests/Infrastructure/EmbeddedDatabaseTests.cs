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

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
