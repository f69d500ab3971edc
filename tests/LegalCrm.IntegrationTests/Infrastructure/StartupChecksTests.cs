using LegalCrm.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace LegalCrm.IntegrationTests.Infrastructure;

public sealed class StartupChecksTests
{
    [Fact]
    public async Task The_app_refuses_to_start_on_an_unmigrated_database_and_says_what_to_run()
    {
        await using var app = new UnmigratedApp();
        await app.InitializeAsync();

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("migrate", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_refuses_to_run_as_a_login_that_row_level_security_does_not_bind()
    {
        await using var app = new OwnerLoginApp();
        await app.InitializeAsync();

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("row-level security would not protect", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class UnmigratedApp : CrmAppFactory
    {
        protected override Task<TestPostgres.Database> CreateDatabaseAsync() => TestPostgres.CreateEmptyDatabaseAsync();
    }

    /// <summary>Misconfigured on purpose: the app's connection string is the superuser's.</summary>
    private sealed class OwnerLoginApp : CrmAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Crm", Database.AdminConnectionString);
        }
    }
}
