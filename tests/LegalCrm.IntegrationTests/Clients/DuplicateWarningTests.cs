using System.Net;
using LegalCrm.TestSupport;

namespace LegalCrm.IntegrationTests.Clients;

public sealed class DuplicateWarningTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;

    public async Task InitializeAsync() => _firm = await app.CreateFirmAsync("Duplicates");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Creating_someone_with_a_known_e_mail_address_warns_first_and_saves_only_when_confirmed()
    {
        using var client = await app.SignedInAsync(_firm.Lawyer);
        var original = await client.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.LastName"] = "Origineel", ["Input.Emails[0].Address"] = "dubbel@voorbeeld.nl" });
        Assert.Equal(HttpStatusCode.Redirect, original.StatusCode);

        var warned = await client.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.LastName"] = "Kopie", ["Input.Emails[0].Address"] = "DUBBEL@voorbeeld.nl" });
        var warning = (await CrmClient.ParseAsync(warned)).QuerySelector("[data-testid=duplicates]");

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.NotNull(warning);
        Assert.Contains("Origineel", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("zelfde e-mailadres", warning.TextContent, StringComparison.Ordinal);

        var confirmed = await client.SubmitAsync("/Clients/Edit?kind=Person",
            new Dictionary<string, string> { ["Input.LastName"] = "Kopie", ["Input.Emails[0].Address"] = "dubbel@voorbeeld.nl", ["NotADuplicate"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
    }

    [Fact]
    public async Task A_similar_name_warns_only_together_with_the_same_date_of_birth()
    {
        using var client = await app.SignedInAsync(_firm.Lawyer);
        await client.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.LastName"] = "Hoogeveen", ["Input.DateOfBirth"] = "1970-05-04" });

        var sameBirth = await client.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.LastName"] = "Hogeveen", ["Input.DateOfBirth"] = "1970-05-04" });
        var otherBirth = await client.SubmitAsync("/Clients/Edit?kind=Person", new Dictionary<string, string> { ["Input.LastName"] = "Hogeveen", ["Input.DateOfBirth"] = "1981-01-01" });

        Assert.Contains("gelijkende naam en zelfde geboortedatum", (await CrmClient.ParseAsync(sameBirth)).QuerySelector("[data-testid=duplicates]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, otherBirth.StatusCode);
    }

    [Fact]
    public async Task An_organisation_with_a_known_kvk_number_is_flagged()
    {
        using var client = await app.SignedInAsync(_firm.Lawyer);
        await client.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Eerste Holding", ["Input.KvkNumber"] = "87654321" });

        var second = await client.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Andere naam", ["Input.KvkNumber"] = "8765 4321" });

        Assert.Contains("zelfde KvK-nummer", (await CrmClient.ParseAsync(second)).QuerySelector("[data-testid=duplicates]")!.TextContent, StringComparison.Ordinal);
    }
}
