using System.Net;
using LegalCrm.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LegalCrm.IntegrationTests.Access;

public sealed class SessionLifetimeTests(SessionLifetimeTests.ClockedApp app) : IClassFixture<SessionLifetimeTests.ClockedApp>
{
    [Fact]
    public async Task A_session_ends_after_its_absolute_limit_however_active_it_is()
    {
        var firm = await app.CreateFirmAsync("Clock");
        using var client = await app.SignedInAsync(firm.Lawyer);

        app.Clock.Advance(TimeSpan.FromHours(6));
        var afterSix = await client.GetAsync("/");
        app.Clock.Advance(TimeSpan.FromHours(5));
        var afterEleven = await client.GetAsync("/");
        app.Clock.Advance(TimeSpan.FromHours(1.5));
        var afterTwelveAndAHalf = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, afterSix.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterEleven.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterTwelveAndAHalf.StatusCode);
        Assert.Contains("/Account/Login", afterTwelveAndAHalf.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_left_idle_for_more_than_eight_hours_ends()
    {
        var firm = await app.CreateFirmAsync("Idle");
        using var client = await app.SignedInAsync(firm.Lawyer);

        app.Clock.Advance(TimeSpan.FromHours(8.5));
        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The app with a clock the test moves; the cookie's sliding expiry follows the same clock.</summary>
    public sealed class ClockedApp : CrmAppFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
