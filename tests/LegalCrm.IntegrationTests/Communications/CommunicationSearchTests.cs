using AngleSharp.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Communications;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Communications;

public sealed class CommunicationSearchTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private TestFirm _otherFirm = null!;
    private Guid _dossier;
    private Guid _walledDossier;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Zoeken");
        _otherFirm = await app.CreateFirmAsync("Ander kantoor");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        _dossier = await NewDossierAsync(lawyer, "Bakkerij Müller", "Ontslag bakker");
        _walledDossier = await NewDossierAsync(lawyer, "Garage Ommen", "Geheim conflict");
        await LogAsync(lawyer, _dossier, "Gesprek met de heer Müller", "De werknemer is op staande voet **ontslagen** wegens diefstal & fraude.");
        await LogAsync(lawyer, _dossier, "Termijnen besproken", "Niets over het onderwerp van de zoekvraag.");
        await LogAsync(lawyer, _walledDossier, "Ontslag monteur", "Ook hier een ontslag, maar achter een muur.");

        using var other = await app.SignedInAsync(_otherFirm.Lawyer);
        var otherDossier = await NewDossierAsync(other, "Müller Holding", "Ontslag directeur");
        await LogAsync(other, otherDossier, "Ontslag bij een ander kantoor", "Ontslagen directeur.");

        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.EthicalWalls.Add(new EthicalWall { UserId = _firm.Admin.Id, DossierId = _walledDossier, Reason = "Eerder wederpartij", CreatedBy = "test" });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Ontslag_finds_ontslagen_and_Muller_finds_Müller_with_the_hit_marked_and_the_text_encoded()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);

        var byStem = await admin.GetDocumentAsync("/Communications?q=ontslag");
        var hits = Hits(byStem);
        Assert.Contains("Gesprek met de heer Müller", hits);
        var snippet = byStem.QuerySelector("[data-testid=search-hits] .snippet")!;
        Assert.Equal("ontslagen", snippet.QuerySelector("mark")!.TextContent);
        Assert.Contains("diefstal & fraude", snippet.TextContent, StringComparison.Ordinal);

        var byAccent = await admin.GetDocumentAsync("/Communications?q=Muller");
        Assert.Equal("Müller", byAccent.QuerySelector("[data-testid=search-hits] .hit-title mark")!.TextContent);
        Assert.DoesNotContain("Termijnen besproken", Hits(byAccent));
    }

    [Fact]
    public async Task Search_never_returns_a_walled_dossier_nor_another_firm_and_a_team_member_does_see_the_walled_one()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);
        var adminHits = Hits(await admin.GetDocumentAsync("/Communications?q=ontslag"));
        Assert.DoesNotContain("Ontslag monteur", adminHits);
        Assert.DoesNotContain("Ontslag bij een ander kantoor", adminHits);

        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        Assert.Contains("Ontslag monteur", Hits(await lawyer.GetDocumentAsync("/Communications?q=ontslag")));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync($"/Communications?q=ontslag&dossier={_walledDossier}")).StatusCode);
    }

    [Fact]
    public async Task Search_within_a_dossier_and_by_kind_narrows_the_hits_and_an_empty_result_says_so()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var inDossier = Hits(await lawyer.GetDocumentAsync($"/Communications?q=ontslag&dossier={_dossier}"));
        Assert.Equal(["Gesprek met de heer Müller"], inDossier);
        Assert.Empty(Hits(await lawyer.GetDocumentAsync("/Communications?q=ontslag&kind=Email")));
        var none = await lawyer.GetDocumentAsync("/Communications?q=zwaluwstaart");
        Assert.Contains("zwaluwstaart", none.QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);
        var tooLong = await lawyer.GetDocumentAsync("/Communications?q=" + new string('a', 300));
        Assert.NotNull(tooLong.QuerySelector(".field-validation-error"));
    }

    [Fact]
    public async Task A_word_in_more_messages_than_can_be_ranked_shows_the_newest_first_and_never_what_is_behind_a_wall()
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.Database.AdminConnectionString);
        await connection.OpenAsync();
        await using (var insert = new Npgsql.NpgsqlCommand(
            """
            INSERT INTO communications (id, tenant_id, kind, direction, occurred_at, subject, body_html, dossier_id, confidential,
                                        author_name, created_at, updated_at, updated_by, participant_names)
            SELECT gen_random_uuid(), @firm, 'Note', 'Internal', now() - make_interval(days => g), 'Verslag ' || g, '<p>Zittingsverslag.</p>',
                   @dossier, false, 'test', now(), now(), 'test', ''
            FROM generate_series(1, @count) g
            UNION ALL
            SELECT gen_random_uuid(), @firm, 'Note', 'Internal', now() - make_interval(mins => g), 'Verslag achter de muur ' || g, '<p>Zittingsverslag.</p>',
                   @walled, false, 'test', now(), now(), 'test', ''
            FROM generate_series(1, 30) g
            """, connection))
        {
            insert.Parameters.AddWithValue("firm", _firm.Id);
            insert.Parameters.AddWithValue("dossier", _dossier);
            insert.Parameters.AddWithValue("walled", _walledDossier);
            insert.Parameters.AddWithValue("count", CommunicationSearch.RankLimit + 5);
            await insert.ExecuteNonQueryAsync();
        }

        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        using var admin = await app.SignedInAsync(_firm.Admin);
        // First found too many to rank through the index; then, with statistics, known to be common beforehand.
        foreach (var statistics in new[] { false, true })
        {
            if (statistics)
            {
                await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE communications", connection);
                await analyze.ExecuteNonQueryAsync();
            }

            var page = await lawyer.GetDocumentAsync("/Communications?q=zittingsverslag");
            Assert.NotNull(page.QuerySelector("[data-testid=newest-first]"));
            Assert.Equal("Verslag achter de muur 1", Hits(page)[0]);
            Assert.Equal(20, Hits(page).Count);
            Assert.Empty(Hits(await lawyer.GetDocumentAsync("/Communications?q=zittingsverslag&kind=Call")));

            var walledOut = await admin.GetDocumentAsync("/Communications?q=zittingsverslag");
            Assert.Equal("Verslag 1", Hits(walledOut)[0]);
            Assert.DoesNotContain(Hits(await admin.GetDocumentAsync("/Communications?q=zittingsverslag&p=2")), h => h.Contains("muur", StringComparison.Ordinal));
        }
    }

    private static List<string> Hits(IDocument page) =>
        page.QuerySelectorAll("[data-testid=search-hits] .hit-title").Select(a => a.TextContent.Trim()).ToList();

    private static async Task<Guid> NewDossierAsync(CrmClient user, string clientName, string title)
    {
        var client = await user.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = clientName });
        var clientId = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        var dossier = await user.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = title });
        return Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
    }

    private static async Task LogAsync(CrmClient user, Guid dossier, string subject, string body)
    {
        var response = await user.SubmitAsync($"/Communications/Log?dossier={dossier}&kind=Note", new Dictionary<string, string>
        {
            ["Input.Subject"] = subject,
            ["Input.Body"] = body,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }
}
