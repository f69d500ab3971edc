using LegalCrm.TestSupport;
using LegalCrm.Web.Features.Access;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Access;

public sealed class UserListTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;

    private string Domain => $"{_firm.Id:N}.test";

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Paging");
        await using var scope = app.FirmScope(_firm.Id);
        var provisioning = scope.ServiceProvider.GetRequiredService<FirmProvisioning>();
        for (var i = 0; i < 50; i++)
        {
            await provisioning.CreateUserAsync($"colleague{i:00}@{Domain}", $"Collega {i:00}", BuiltInRoles.ReadOnly, password: null);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_list_pages_in_fifties_without_repeating_or_losing_anyone()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);

        var first = await admin.GetDocumentAsync("/Access/Users");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.GetDocumentAsync(next);

        var firstRows = Emails(first);
        var secondRows = Emails(second);
        Assert.Equal(50, firstRows.Count);
        Assert.Equal(5, secondRows.Count);
        Assert.Empty(firstRows.Intersect(secondRows));
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Search_and_status_filter_narrow_the_list_and_sorting_reverses_it()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);

        var found = Emails(await admin.GetDocumentAsync("/Access/Users?q=collega%2007"));
        var invited = Emails(await admin.GetDocumentAsync("/Access/Users?status=invited"));
        var descending = Emails(await admin.GetDocumentAsync("/Access/Users?sort=email_desc"));

        Assert.Equal([$"colleague07@{Domain}"], found);
        Assert.Equal(50, invited.Count);
        Assert.All(invited, e => Assert.EndsWith("@" + Domain, e, StringComparison.Ordinal));
        Assert.Equal(descending.OrderByDescending(e => e, StringComparer.Ordinal).ToList(), descending);
    }

    private static List<string> Emails(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-testid=users-table] tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
}
