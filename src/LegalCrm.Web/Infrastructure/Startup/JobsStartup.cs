using Hangfire;
using Hangfire.PostgreSql;
using LegalCrm.Web.Data;

namespace LegalCrm.Web.Infrastructure.Startup;

public static class JobsStartup
{
    public static IServiceCollection AddCrmJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseStartup.AppConnection)!;
        var pollInterval = configuration.GetValue("Jobs:PollInterval", TimeSpan.FromSeconds(5));

        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = DatabaseMigrator.HangfireSchema,
                    // The schema is created by the migrator with the owner's rights; the app role cannot change it.
                    PrepareSchemaIfNecessary = false,
                    QueuePollInterval = pollInterval,
                    EnableLongPolling = true,
                }));

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
