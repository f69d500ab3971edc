using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Access;

public sealed class PermissionMatrixTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;

    public async Task InitializeAsync() => _firm = await app.CreateFirmAsync("Matrix");

    public Task DisposeAsync() => Task.CompletedTask;

    // What each built-in role may open, written out as the product decision (not derived from the code under test).
    public static TheoryData<string, string, bool> Matrix()
    {
        var pages = new (string Url, string[] Roles)[]
        {
            ("/", [BuiltInRoles.Admin, BuiltInRoles.Lawyer, BuiltInRoles.Assistant, BuiltInRoles.PrivacyOfficer, BuiltInRoles.ReadOnly]),
            ("/Account/Manage", [BuiltInRoles.Admin, BuiltInRoles.Lawyer, BuiltInRoles.Assistant, BuiltInRoles.PrivacyOfficer, BuiltInRoles.ReadOnly]),
            ("/Clients", [BuiltInRoles.Admin, BuiltInRoles.Lawyer, BuiltInRoles.Assistant, BuiltInRoles.PrivacyOfficer, BuiltInRoles.ReadOnly]),
            ("/Clients/Edit?kind=Person", [BuiltInRoles.Admin, BuiltInRoles.Lawyer, BuiltInRoles.Assistant]),
            ("/Clients/Import", [BuiltInRoles.Admin, BuiltInRoles.Assistant]),
            ("/Dossiers", [BuiltInRoles.Admin, BuiltInRoles.Lawyer, BuiltInRoles.Assistant, BuiltInRoles.ReadOnly]),
            ("/Dossiers/New", [BuiltInRoles.Admin, BuiltInRoles.Lawyer, BuiltInRoles.Assistant]),
            ("/Dossiers/BreakGlass", [BuiltInRoles.Admin, BuiltInRoles.Lawyer, BuiltInRoles.Assistant, BuiltInRoles.ReadOnly]),
            ("/Access/Users", [BuiltInRoles.Admin]),
            ("/Access/Teams", [BuiltInRoles.Admin]),
            ("/Access/Users/Invite", [BuiltInRoles.Admin]),
            ("/Access/Settings", [BuiltInRoles.Admin]),
            ("/Audit", [BuiltInRoles.Admin, BuiltInRoles.PrivacyOfficer]),
            ("/admin/jobs", [BuiltInRoles.Admin]),
        };
        var data = new TheoryData<string, string, bool>();
        foreach (var (url, roles) in pages)
        {
            foreach (var role in BuiltInRoles.All)
            {
                data.Add(role.Key, url, roles.Contains(role.Key));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_exactly_the_pages_it_is_meant_to(string role, string url, bool allowed)
    {
        using var client = await app.SignedInAsync(_firm.Users[role]);

        var response = await client.GetAsync(url);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Access/Users")]
    [InlineData("/Audit")]
    [InlineData("/Account/Manage/TwoFactor")]
    [InlineData("/admin/jobs")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var client = app.Anonymous();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forbidden_page_is_friendly_and_in_the_users_language()
    {
        using var client = await app.SignedInAsync(_firm.Lawyer);

        var response = await client.GetAsync("/Access/Users");
        var page = await CrmClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Je hebt geen toegang tot deze pagina", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Every_page_declares_who_may_open_it()
    {
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .ToList();

        var undeclared = pages
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.OfType<IPageAccessDeclaration>().Any())
            .Select(e => e.DisplayName)
            .ToList();

        Assert.True(pages.Count >= 15, $"Only {pages.Count} page endpoints found; the enumeration is broken.");
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Every_page_model_in_the_app_declares_who_may_open_it()
    {
        var models = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract).ToList();

        var undeclared = models
            .Where(t => !t.GetCustomAttributes(true).Any(a => a is IPageAccessDeclaration or AllowAnonymousAttribute))
            .Select(t => t.FullName)
            .ToList();

        Assert.NotEmpty(models);
        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task A_role_change_takes_effect_at_the_users_next_request()
    {
        using var client = await app.SignedInAsync(_firm.Users[BuiltInRoles.ReadOnly]);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Audit")).StatusCode);

        using var admin = await app.SignedInAsync(_firm.Admin);
        var privacyOfficer = await RoleIdAsync(BuiltInRoles.PrivacyOfficer);
        var saved = await admin.SubmitAsync($"/Access/Users/{_firm.Users[BuiltInRoles.ReadOnly].Id}", new Dictionary<string, string>(), "Roles",
            [new("RoleIds", privacyOfficer.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Audit")).StatusCode);
    }

    private async Task<Guid> RoleIdAsync(string builtInKey)
    {
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<LegalCrm.Web.Data.CrmDbContext>();
        return db.Roles.Single(r => r.BuiltInKey == builtInKey).Id;
    }
}
