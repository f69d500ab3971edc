using Serilog;
using Serilog.Extensions.Logging;

namespace LegalCrm.Web.Infrastructure.Startup;

public static class StartupLogging
{
    /// <summary>A console logger for the steps before the host exists (starting the embedded database).</summary>
    public static SerilogLoggerFactory CreateLogger() =>
        new(new LoggerConfiguration().WriteTo.Console().CreateLogger(), dispose: true);

    public static void AddCrmLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));
}
