using Hangfire.PostgreSql;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LegalCrm.Web.Data;

/// <summary>
/// Brings a database up to date: EF migrations, Hangfire's schema, then <see cref="DatabaseSecurity"/>.
/// Runs with the admin (owner) connection, on start when configured, or as the <c>migrate</c> command.
/// </summary>
public static class DatabaseMigrator
{
    public const string HangfireSchema = "hangfire";

    public static async Task MigrateAsync(string adminConnectionString, ILogger logger, CancellationToken ct = default)
    {
        var options = new DbContextOptionsBuilder<CrmDbContext>();
        CrmDbContextOptions.Configure(options, adminConnectionString);
        await using (var db = new CrmDbContext(options.Options, new TenantContext()))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(ct);
        }

        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(ct);
        PostgreSqlObjectsInstaller.Install(connection, HangfireSchema);
        // Securing locks every table in turn; right after a bulk load (a restore) autovacuum may hold one of them, and
        // PostgreSQL can end that wait as a deadlock. The statements are idempotent and all-or-nothing: try again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DatabaseSecurity.ApplyAsync(connection, ct);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                logger.LogWarning("Applying row-level security met a deadlock (attempt {Attempt}); trying again", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }

        logger.LogInformation("Database schema, Hangfire schema and row-level security are up to date");
    }
}
