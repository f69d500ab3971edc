using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LegalCrm.Web.Data;

/// <summary>The provider settings shared by the app, the migrator and the design-time tools.</summary>
public static class CrmDbContextOptions
{
    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
            .UseSnakeCaseNamingConvention();
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
