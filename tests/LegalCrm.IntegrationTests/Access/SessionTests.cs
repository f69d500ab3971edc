using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Access;

public sealed class SessionTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task A_user_sees_where_they_are_signed_in_and_ends_another_session_which_is_then_rejected()
    {
        var firm = await app.CreateFirmAsync("Sessies");
        using var laptop = await app.SignedInAsync(firm.Lawyer);
        using var phone = await app.SignedInAsync(firm.Lawyer);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Clients")).StatusCode);

        var page = await laptop.GetDocumentAsync("/Account/Manage/Sessions");
        var rows = page.QuerySelectorAll("[data-testid=session]");
        Assert.Equal(2, rows.Length);
        Assert.Single(rows, r => r.TextContent.Contains("dit apparaat", StringComparison.Ordinal));
        var other = rows.Single(r => !r.TextContent.Contains("dit apparaat", StringComparison.Ordinal));

        var ended = await laptop.PostFormAsync(other.QuerySelector<IHtmlFormElement>("form")!, "/Account/Manage/Sessions", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var rejected = await phone.GetAsync("/Clients");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Contains("/Account/Login", rejected.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/Clients")).StatusCode);
        Assert.Single((await laptop.GetDocumentAsync("/Account/Manage/Sessions")).QuerySelectorAll("[data-testid=session]"));

        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SessionsEnded && a.EntityId == firm.Lawyer.Id.ToString()));
        Assert.Equal(SessionEnd.EndedByUser, await db.SignInSessions.Where(s => s.UserId == firm.Lawyer.Id && s.EndedAt != null).Select(s => s.EndReason).SingleAsync());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var firm = await app.CreateFirmAsync("Sessies uitloggen");
        using var client = await app.SignedInAsync(firm.Lawyer);

        var signOut = (await client.GetDocumentAsync("/")).QuerySelector<IHtmlFormElement>("form[action='/Account/Logout']")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(signOut, "/", new Dictionary<string, string>())).StatusCode);

        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.Equal(SessionEnd.SignedOut, await db.SignInSessions.Where(s => s.UserId == firm.Lawyer.Id).Select(s => s.EndReason).SingleAsync());
    }

    [Fact]
    public async Task A_session_not_seen_for_a_minute_is_marked_seen_again_and_one_not_recognised_is_refused()
    {
        var firm = await app.CreateFirmAsync("Sessies gezien");
        using var client = await app.SignedInAsync(firm.Lawyer);
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await db.SignInSessions.Where(s => s.UserId == firm.Lawyer.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, DateTimeOffset.UtcNow.AddMinutes(-5)));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Clients")).StatusCode);

        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var seen = await db.SignInSessions.Where(s => s.UserId == firm.Lawyer.Id).Select(s => s.LastSeenAt).SingleAsync();
            Assert.True(DateTimeOffset.UtcNow - seen < TimeSpan.FromSeconds(30));
            await db.SignInSessions.Where(s => s.UserId == firm.Lawyer.Id).ExecuteDeleteAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Clients")).StatusCode);
    }

    [Fact]
    public async Task A_session_whose_security_stamp_changed_is_refused_and_not_marked_seen()
    {
        var firm = await app.CreateFirmAsync("Sessies verlopen");
        using var client = await app.SignedInAsync(firm.Lawyer);
        var fiveMinutesAgo = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await db.SignInSessions.Where(s => s.UserId == firm.Lawyer.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, fiveMinutesAgo));
            // What a password change elsewhere does: the cookie's stamp no longer matches.
            await db.Users.Where(u => u.Id == firm.Lawyer.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, Guid.NewGuid().ToString("N")));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Clients")).StatusCode);

        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var seen = await db.SignInSessions.Where(s => s.UserId == firm.Lawyer.Id).Select(s => s.LastSeenAt).SingleAsync();
            Assert.True(DateTimeOffset.UtcNow - seen > TimeSpan.FromMinutes(4), $"the refused session was marked seen at {seen:O}");
        }
    }

    [Fact]
    public async Task An_administrator_signs_a_user_out_everywhere_without_disabling_the_account()
    {
        var firm = await app.CreateFirmAsync("Sessies beheer");
        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        using var admin = await app.SignedInAsync(firm.Admin);
        var page = await admin.GetDocumentAsync($"/Access/Users/{firm.Lawyer.Id}");
        Assert.Single(page.QuerySelectorAll("[data-testid=user-sessions] li"));

        var ended = await admin.SubmitAsync($"/Access/Users/{firm.Lawyer.Id}", new Dictionary<string, string>(), handler: "EndSessions");

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lawyer.GetAsync("/Clients")).StatusCode);
        using var again = await app.SignedInAsync(firm.Lawyer);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Clients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Clients")).StatusCode);
    }
}
