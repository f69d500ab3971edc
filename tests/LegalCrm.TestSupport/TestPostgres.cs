using DotNet.Testcontainers.Builders;
using LegalCrm.Web.Data;
using LegalCrm.Web.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Testcontainers.PostgreSql;

namespace LegalCrm.TestSupport;

/// <summary>
/// One real PostgreSQL server per test process: a Testcontainers container where a Docker engine answers, otherwise a
/// throwaway cluster from the machine's binaries (the app's own <see cref="EmbeddedPostgres"/>). A template database is
/// migrated once; every test class gets its own copy (CREATE DATABASE … TEMPLATE), so classes run in parallel.
/// </summary>
public static class TestPostgres
{
    public const string AppLogin = "legalcrm_test_web";
    public const string AppPassword = "test-web-password";
    private const string Template = "legalcrm_template";
    private const string LocalClusterPrefix = "legalcrm-test-pg-";

    // Test classes run in parallel, each with its own app (EF pool and Hangfire workers) on its own database.
    private const int MaxConnections = 400;

    private static readonly Lazy<Task<Server>> Shared = new(StartAsync);
    private static int _databases;

    public sealed record Server(string AdminConnectionString, string Kind, Func<Task> Stop);

    public sealed record Database(string Name, string AppConnectionString, string AdminConnectionString);

    /// <summary>A fresh, migrated database for one test class.</summary>
    public static Task<Database> CreateDatabaseAsync() => CreateAsync(Template);

    /// <summary>A database nobody has migrated yet.</summary>
    public static Task<Database> CreateEmptyDatabaseAsync() => CreateAsync("template0");

    private static async Task<Database> CreateAsync(string template)
    {
        var server = await Shared.Value;
        var name = $"legalcrm_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(WithDatabase(server.AdminConnectionString, "postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var app = new NpgsqlConnectionStringBuilder(WithDatabase(server.AdminConnectionString, name)) { Username = AppLogin, Password = AppPassword };
        return new Database(name, app.ConnectionString, WithDatabase(server.AdminConnectionString, name));
    }

    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static async Task<Server> StartAsync()
    {
        var server = await StartContainerAsync() ?? await StartLocalAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop().GetAwaiter().GetResult();

        await DatabaseProvisioner.EnsureAsync(server.AdminConnectionString, Template, AppLogin, AppPassword);
        var templateAdmin = WithDatabase(server.AdminConnectionString, Template);
        await DatabaseMigrator.MigrateAsync(templateAdmin, NullLogger.Instance);
        // A template must have no open connections when it is copied.
        NpgsqlConnection.ClearAllPools();
        return server;
    }

    private static async Task<Server?> StartContainerAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").WithCommand("-c", $"max_connections={MaxConnections}").Build();
            await container.StartAsync();
            return new Server(container.GetConnectionString(), "testcontainers", async () => await container.DisposeAsync());
        }
        catch (DockerUnavailableException)
        {
            return null;
        }
    }

    private static async Task<Server> StartLocalAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"{LocalClusterPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var postgres = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = directory, Ephemeral = true, Database = "postgres", MaxConnections = MaxConnections },
            NullLogger.Instance);
        WatchOver(postgres.DataDirectory);
        return new Server(postgres.AdminConnectionString, "local binaries", postgres.StopAsync);
    }

    /// <summary>
    /// The test runner ends its test host by killing it, so a ProcessExit handler never stops the cluster: every run
    /// would leave a server running and a gigabyte in /tmp. A detached shell waits for this process to end, then shuts
    /// the server down and removes its folder — whichever way the process ended (the role Ryuk plays for containers).
    /// </summary>
    private static void WatchOver(string directory)
    {
        var script = $$"""
            exec </dev/null >/dev/null 2>&1
            while kill -0 {{Environment.ProcessId}}; do sleep 1; done
            server=$(head -n 1 '{{directory}}/cluster/postmaster.pid')
            if [ -n "$server" ]; then kill -QUIT "$server"; while kill -0 "$server"; do sleep 0.2; done; fi
            rm -rf '{{directory}}'
            """;
        using var watcher = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false });
    }
}
