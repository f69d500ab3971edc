using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using LegalCrm.Web.Data;

namespace LegalCrm.Web.Infrastructure.Startup;

public static class JobsStartup
{
    public static IServiceCollection AddCrmJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseStartup.AppConnection)!;
        var pollInterval = configuration.GetValue("Jobs:PollInterval", TimeSpan.FromSeconds(5));

        // Storage and activator are this host's own services, not Hangfire's process-wide globals: with the globals a
        // second host in the same process (tests, a CLI command) would take over the first one's jobs.
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = DatabaseMigrator.HangfireSchema,
            // The schema is created by the migrator with the owner's rights; the app role cannot change it.
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = pollInterval,
            EnableLongPolling = true,
        };
        services.AddSingleton<JobStorage>(new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (configuration.GetValue("Jobs:RunServer", true))
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = configuration.GetValue("Jobs:WorkerCount", Math.Max(2, Environment.ProcessorCount));
                o.SchedulePollingInterval = pollInterval;
            });
        }

        return services;
    }
}
