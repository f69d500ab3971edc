using LegalCrm.Web.Data;
using LegalCrm.Web.Infrastructure.Database;
using LegalCrm.Web.Infrastructure.Keys;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog.Extensions.Logging;

namespace LegalCrm.Web.Infrastructure.Startup;

public static class DatabaseStartup
{
    public const string AppConnection = "Crm";
    public const string AdminConnection = "CrmAdmin";

    /// <summary>
    /// With no <c>ConnectionStrings:Crm</c>, starts the private PostgreSQL and points both connection strings at it.
    /// It is stopped when the host is disposed.
    /// </summary>
    public static async Task<EmbeddedPostgres?> UseEmbeddedDatabaseIfUnconfiguredAsync(WebApplicationBuilder builder, SerilogLoggerFactory loggers)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(AppConnection)))
        {
            return null;
        }

        var logger = loggers.CreateLogger("LegalCrm.EmbeddedDatabase");
        var section = builder.Configuration.GetSection("Database");
        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = Path.GetFullPath(section["EmbeddedDataDirectory"] ?? Path.Combine(Directory.GetCurrentDirectory(), ".data")),
            Port = section.GetValue("EmbeddedPort", 0),
            BinDirectory = section["PostgresBinDirectory"],
        };

        try
        {
            var server = await EmbeddedPostgres.StartAsync(options, logger);
            builder.Configuration[$"ConnectionStrings:{AppConnection}"] = server.AppConnectionString;
            builder.Configuration[$"ConnectionStrings:{AdminConnection}"] = server.AdminConnectionString;
            builder.Configuration["Database:MigrateOnStart"] ??= "true";
            return server;
        }
        catch (EmbeddedPostgresException ex)
        {
            logger.LogCritical("LegalCrm cannot start its embedded database. {Reason}", ex.Message);
            Environment.Exit(2);
            return null;
        }
    }

    public static IServiceCollection AddCrmDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString(AppConnection)
            ?? throw new InvalidOperationException("ConnectionStrings:Crm is not configured.");

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<TenantConnectionInterceptor>();
        services.AddScoped<Features.Audit.AuditInterceptor>();
        services.AddScoped<TenantDirectory>();
        services.AddScoped<NumberSequences>();
        services.AddDbContext<CrmDbContext>((sp, options) =>
        {
            CrmDbContextOptions.Configure(options, connectionString);
            options.AddInterceptors(
                sp.GetRequiredService<TenantConnectionInterceptor>(),
                sp.GetRequiredService<Features.Audit.AuditInterceptor>());
        });

        services.AddCrmDataProtection(configuration, environment);

        services.AddHealthChecks()
            .AddDbContextCheck<CrmDbContext>("database", HealthStatus.Unhealthy, tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The Data Protection key ring lives in the database; outside Development it must be encrypted by the key-encryption
    /// key from configuration, and the app refuses to start without one rather than store keys in the clear.
    /// </summary>
    private static void AddCrmDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = KeyEncryptionKeys.From(configuration);
        if (!keys.IsConfigured && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{KeyEncryptionKeys.CurrentSetting} is not set. Outside Development LegalCrm encrypts its key ring with a key-encryption key " +
                "kept apart from the database: make one with 'dotnet LegalCrm.Web.dll keys new-kek' and set it as " +
                "Security__KeyEncryptionKey (see README, 'Keys and encryption').");
        }

        services.AddSingleton(keys);
        var builder = services.AddDataProtection()
            .SetApplicationName("LegalCrm")
            .PersistKeysToDbContext<CrmDbContext>();
        if (keys.IsConfigured)
        {
            builder.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new KeyEncryptionXmlEncryptor(keys));
        }
    }

    /// <summary>Migrates when configured (default for the embedded database), then refuses a connection that RLS would not bind.</summary>
    public static async Task PrepareAsync(WebApplication app, bool embedded)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LegalCrm.Database");
        if (app.Configuration.GetValue("Database:MigrateOnStart", embedded))
        {
            var admin = app.Configuration.GetConnectionString(AdminConnection)
                ?? throw new InvalidOperationException(
                    "Database:MigrateOnStart is on but ConnectionStrings:CrmAdmin (the database owner, used for migrations) is not set.");
            await DatabaseMigrator.MigrateAsync(admin, logger);
        }

        await DatabaseSecurity.VerifyAppConnectionAsync(app.Configuration.GetConnectionString(AppConnection)!);

        await using var scope = app.Services.CreateAsyncScope();
        var pending = (await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). Run 'dotnet LegalCrm.Web.dll migrate' " +
                "with ConnectionStrings__CrmAdmin set, or start with Database__MigrateOnStart=true (see README, 'Production').");
        }
    }
}
