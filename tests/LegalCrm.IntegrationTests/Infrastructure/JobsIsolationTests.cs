using Hangfire;
using LegalCrm.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Infrastructure;

/// <summary>Two app hosts in one process (as in these tests, or a command beside a server) each run their own jobs.</summary>
public sealed class JobsIsolationTests
{
    [Fact]
    public async Task Each_host_enqueues_into_and_runs_jobs_from_its_own_database()
    {
        await using var first = new CrmAppFactory();
        await using var second = new CrmAppFactory();
        await first.InitializeAsync();
        await second.InitializeAsync();
        var firstFirm = await first.CreateFirmAsync("First");
        var secondFirm = await second.CreateFirmAsync("Second");

        // Hosts started in parallel race for Hangfire's process-wide JobStorage.Current; neither may depend on it.
        var global = Record.Exception(() => JobStorage.Current) is null ? JobStorage.Current : null;
        Assert.NotSame(first.Services.GetRequiredService<JobStorage>(), second.Services.GetRequiredService<JobStorage>());
        Assert.NotSame(global, first.Services.GetRequiredService<JobStorage>());
        Assert.NotSame(global, second.Services.GetRequiredService<JobStorage>());
        using var a = first.Anonymous();
        using var b = second.Anonymous();
        await a.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = firstFirm.Lawyer.Email });
        await b.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = secondFirm.Lawyer.Email });

        await first.Mail.WaitForAsync(m => m.To.Mailboxes.Any(x => x.Address == firstFirm.Lawyer.Email), TimeSpan.FromSeconds(30));
        await second.Mail.WaitForAsync(m => m.To.Mailboxes.Any(x => x.Address == secondFirm.Lawyer.Email), TimeSpan.FromSeconds(30));
    }
}
