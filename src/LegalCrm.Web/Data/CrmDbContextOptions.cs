using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LegalCrm.Web.Data;

/// <summary>The provider settings shared by the app, the migrator and the design-time tools.</summary>
public static class CrmDbContextOptions
{
    /// <summary>How many statements Npgsql keeps prepared per connection, unless the connection string says otherwise.</summary>
    public const int AutoPreparedStatements = 128;

    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Lets Npgsql prepare a statement once it has run a few times on a connection, so PostgreSQL parses and plans the
    /// app's long page queries once per connection instead of on every request (docs/decisions/0023). Row-level security
    /// stays exact: the policies read <c>app.tenant_id</c> when the statement runs, not when it is planned, and the
    /// setting itself is still reset (<c>RESET ALL</c>) when a connection goes back to the pool. A connection string
    /// that names <c>Max Auto Prepare</c> keeps its own value — 0 switches it off, e.g. behind a pooler that cannot
    /// keep prepared statements.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var settings = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var named = settings.Keys.Cast<string>().Any(key => string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        if (named)
        {
            return connectionString;
        }

        settings["Max Auto Prepare"] = AutoPreparedStatements;
        return settings.ConnectionString;
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: builds the model without a database.</summary>
public sealed class DesignTimeCrmDbContextFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        CrmDbContextOptions.Configure(builder, "Host=localhost;Database=legalcrm_design");
        return new CrmDbContext(builder.Options, new Tenancy.TenantContext());
    }
}
