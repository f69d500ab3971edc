using LegalCrm.Web.Infrastructure.Commands;
using LegalCrm.Web.Infrastructure.Startup;

// Composition root: wiring only. What each piece does lives beside it (see docs/architecture.md).
var (command, hostArgs) = CliCommand.Parse(args);
if (command?.RunWithoutHost() is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(hostArgs);
using var startupLog = StartupLogging.CreateLogger();

await using var embeddedDatabase = await DatabaseStartup.UseEmbeddedDatabaseIfUnconfiguredAsync(builder, startupLog);

builder.AddCrmLogging();
builder.Services
    .AddCrmDatabase(builder.Configuration, builder.Environment)
    .AddCrmIdentity(builder.Configuration, builder.Environment)
    .AddCrmEmail(builder.Configuration)
    .AddCrmJobs(builder.Configuration)
    .AddCrmFeatures()
    .AddCrmWeb();

var app = builder.Build();
if (command is not null)
{
    return await command.RunAsync(app, embeddedDatabase is not null);
}

await DatabaseStartup.PrepareAsync(app, embeddedDatabase is not null);

app.UseCrmPipeline();
app.MapCrmEndpoints();
await app.StartCrmServicesAsync();
await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
