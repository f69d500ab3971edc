extern alias benchmarks;

using benchmarks::LegalCrm.Benchmarks.Load;
using LegalCrm.TestSupport;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Infrastructure.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Performance;

/// <summary>
/// The whole-app load harness (issue 9) in its small mode: the same generator, plan and driver as the full run
/// (README, "Performance"), on a small firm beside two others, for a few seconds. It must answer every page of the
/// mix without one error, and report SQL commands for each: so the harness cannot rot between full runs.
/// </summary>
public sealed class LoadHarnessTests(LoadHarnessTests.CountingApp app) : IClassFixture<LoadHarnessTests.CountingApp>
{
    [Fact]
    public async Task The_harness_drives_every_main_page_of_a_generated_firm_without_an_error()
    {
        var firm = await BenchmarkData.GenerateAsync(app, DataSize.Small, TextWriter.Null);
        var plan = await LoadPlan.ReadAsync(app.Database.AdminConnectionString, firm);
        // The audit trail was written already sealed: the app's own verifier must find the chain intact.
        await using (var scope = app.FirmScope(firm.Id))
        {
            var chain = await scope.ServiceProvider.GetRequiredService<AuditChainVerification>().RunAsync(progress: null);
            Assert.True(chain.Intact);
            Assert.True(chain.Checked >= DataSize.Small.AuditRows);
        }

        var pages = await LoadDriver.RunAsync(app.Anonymous, plan, warmUp: TimeSpan.FromSeconds(1), duration: TimeSpan.FromSeconds(4));
        var ceiling = await LoadDriver.CeilingAsync(app.Anonymous, concurrency: 4, TimeSpan.FromSeconds(1));

        string[] mix = ["dashboard", "contact search", "client page", "dossier list", "dossier page", "dossier timeline", "agenda", "communication search", "log a call: form", "log a call"];
        Assert.Equal(mix, pages.Select(p => p.Page));
        Assert.All(pages, page =>
        {
            Assert.True(page.Errors == 0, $"{page.Page}: {page.Errors} of {page.Requests} failed; first: {page.FirstError}");
            Assert.True(page.Requests > 0, $"{page.Page} was never asked");
            Assert.True(page.SqlMax > 0, $"{page.Page} reported no SQL commands ({SqlCommandCount.Header})");
            // Issue 9's budget: a page that needs more round trips than this has grown an N+1 or a section too many.
            Assert.True(page.SqlMax <= 10, $"{page.Page} sent {page.SqlMax} SQL commands in one request (at most 10)");
        });
        Assert.Equal(0, ceiling.Errors);
        Assert.True(ceiling.Requests > 0);
        Assert.Equal(0, ceiling.SqlMax);
    }

    [Fact]
    public async Task The_sql_command_count_is_only_told_when_switched_on()
    {
        var plain = new CrmAppFactory();
        await plain.InitializeAsync();
        try
        {
            using var browser = plain.Anonymous();
            var response = await browser.GetAsync("/Account/Login");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains(SqlCommandCount.Header));
        }
        finally
        {
            await plain.DisposeAsync();
        }
    }

    /// <summary>The app with the SQL command header switched on, as the full run starts it.</summary>
    public sealed class CountingApp : CrmAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new(SqlCommandCount.Setting, "true")];
    }
}
