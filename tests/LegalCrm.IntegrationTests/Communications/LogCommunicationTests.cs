using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Communications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Communications;

public sealed class LogCommunicationTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private Guid _client;
    private Guid _dossier;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Communicatie");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Transport Noord" });
        _client = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={_client}", new Dictionary<string, string> { ["Input.Title"] = "Vordering vervoerder" });
        _dossier = Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_lawyer_logs_a_call_in_a_dossier_with_the_client_as_caller_and_it_shows_in_the_timeline_sanitised()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var response = await lawyer.SubmitAsync($"/Communications/Log?dossier={_dossier}&kind=Call", new Dictionary<string, string>
        {
            ["Input.Subject"] = "Cliënt belt over de factuur",
            ["Input.Body"] = "**Betaling** volgt.<script>alert(1)</script>",
            ["Input.DurationMinutes"] = "12",
            ["Input.ContactIds"] = _client.ToString(),
            ["Input.UserIds"] = _firm.Lawyer.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await lawyer.GetDocumentAsync($"/Dossiers/{_dossier}");
        Assert.Contains("Cliënt belt over de factuur", page.QuerySelector("[data-testid=dossier-communications]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("12 min", page.QuerySelector("[data-testid=dossier-communications]")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var logged = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Communications.Include(c => c.Participants).SingleAsync(c => c.Subject == "Cliënt belt over de factuur");
        Assert.Equal(CommunicationKind.Call, logged.Kind);
        Assert.Contains("<strong>Betaling</strong>", logged.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", logged.BodyHtml, StringComparison.Ordinal);
        Assert.Contains(logged.Participants, p => p.ContactId == _client && p.Role == ParticipantRole.Caller);
        Assert.Contains(logged.Participants, p => p.UserId == _firm.Lawyer.Id && p.Role == ParticipantRole.Callee);
        Assert.Contains("Communicatie", page.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cliënt belt over de factuur", (await lawyer.GetDocumentAsync($"/Dossiers/{_dossier}/Communications?kind=Call&direction=Incoming")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Cliënt belt over de factuur", (await lawyer.GetDocumentAsync($"/Dossiers/{_dossier}/Communications?kind=Email")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_far_ahead_or_no_subject_is_refused_with_a_message_and_nothing_is_saved()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var response = await lawyer.SubmitAsync($"/Communications/Log?dossier={_dossier}&kind=Note", new Dictionary<string, string>
        {
            ["Input.Subject"] = " ",
            ["Input.OccurredAt"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });

        var errors = (await CrmClient.ParseAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent;
        Assert.Contains("onderwerp", errors, StringComparison.Ordinal);
        Assert.Contains("vooruit", errors, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.False(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Communications.AnyAsync(c => c.Kind == CommunicationKind.Note));
    }

    [Fact]
    public async Task Someone_outside_the_team_cannot_log_in_or_read_the_dossier()
    {
        var outsider = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "buiten");
        using var client = await app.SignedInAsync(outsider);
        using var reader = await app.SignedInAsync(_firm.Users[BuiltInRoles.ReadOnly]);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Communications/Log?dossier={_dossier}&kind=Call")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Dossiers/{_dossier}/Communications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/Communications/Log?dossier={_dossier}&kind=Call")).StatusCode);
    }
}
