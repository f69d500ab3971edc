using System.Net;
using LegalCrm.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace LegalCrm.IntegrationTests.Infrastructure;

/// <summary>Two app instances on one database, no sticky sessions (docs/scaling.md): a browser may reach either.</summary>
public sealed class ScaleOutTests(CrmAppFactory first) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task A_session_from_one_instance_is_recognised_by_the_other_and_ending_it_there_ends_it_everywhere()
    {
        var firm = await first.CreateFirmAsync("Twee servers");
        var documents = Path.Combine(Path.GetTempPath(), "legalcrm-second-" + Guid.NewGuid().ToString("N"));
        await using var second = new AppOnDatabase(first.Database, documents, first.KeyEncryptionKey);
        await second.InitializeAsync();

        // One browser (one cookie jar), its requests landing on either instance.
        var browser = new CookieContainer();
        using var onFirst = new CrmClient(first.CreateDefaultClient(new CookieContainerHandler(browser)));
        using var onSecond = new CrmClient(second.CreateDefaultClient(new CookieContainerHandler(browser)));
        var signedIn = await onFirst.SignInAsync(firm.Lawyer.Email, CrmAppFactory.Password);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/Dossiers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/Dossiers")).StatusCode);

        // The administrator, on the second instance, signs the lawyer out everywhere: the first instance refuses the cookie.
        using var admin = await second.SignedInAsync(firm.Admin);
        var ended = await admin.SubmitAsync($"/Access/Users/{firm.Lawyer.Id}", new Dictionary<string, string>(), "EndSessions");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var refused = await onFirst.GetAsync("/Dossiers");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
