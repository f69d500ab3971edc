using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Clients;

public sealed class ContactSearchTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Search");
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Add(db, new Contact
        {
            Kind = ContactKind.Person,
            Initials = "J.",
            FirstName = "Jan",
            NameParticle = "van den",
            LastName = "Berg",
            ClientNumber = 4711,
            Phones = [new ContactPhone { Kind = PhoneKind.Mobile, Number = "+31612345678" }],
            Emails = [new ContactEmail { Address = "Jan@VandenBerg.nl", NormalizedAddress = "jan@vandenberg.nl" }]
        });
        Add(db, new Contact
        {
            Kind = ContactKind.Person,
            Initials = "K.",
            LastName = "Müller",
            Addresses = [new ContactAddress { Street = "Damrak 1", PostalCode = "1012 LG", City = "Amsterdam" }]
        });
        Add(db, new Contact { Kind = ContactKind.Organisation, OrganisationName = "Bakkerij De Korenschoof", LegalForm = "B.V.", KvkNumber = "12345678" });
        Add(db, new Contact { Kind = ContactKind.Person, Initials = "P.", LastName = "Jansen" });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("muller", "K. Müller")]
    [InlineData("MÜLLER", "K. Müller")]
    [InlineData("berg", "J. van den Berg")]
    [InlineData("van den berg", "J. van den Berg")]
    [InlineData("Jan van den Berg", "J. van den Berg")]
    [InlineData("korenschoof", "Bakkerij De Korenschoof B.V.")]
    public async Task Finds_by_any_part_of_a_name_regardless_of_case_accents_and_particles(string query, string expected) =>
        Assert.Equal(expected, (await SearchAsync(query)).First());

    [Theory]
    [InlineData("muler", "K. Müller")]
    [InlineData("korenschof", "Bakkerij De Korenschoof B.V.")]
    [InlineData("janssen", "P. Jansen")]
    public async Task Tolerates_typos_with_the_best_match_first(string query, string expected) =>
        Assert.Equal(expected, (await SearchAsync(query)).First());

    [Theory]
    [InlineData("06-12345678")]
    [InlineData("+31612345678")]
    [InlineData("0031 6 1234 5678")]
    [InlineData("jan@vandenberg.nl")]
    [InlineData("JAN@VANDENBERG.NL")]
    [InlineData("4711")]
    public async Task Finds_by_phone_in_any_format_e_mail_and_client_number(string query) =>
        Assert.Equal(["J. van den Berg"], await SearchAsync(query));

    [Theory]
    [InlineData("12345678", "Bakkerij De Korenschoof B.V.")]
    [InlineData("1012lg", "K. Müller")]
    [InlineData("1012 LG", "K. Müller")]
    public async Task Finds_by_kvk_number_and_postcode(string query, string expected) =>
        Assert.Equal([expected], await SearchAsync(query));

    [Fact]
    public async Task Another_firms_contacts_are_never_found()
    {
        var other = await app.CreateFirmAsync("Other search");
        using var client = await app.SignedInAsync(other.Lawyer);

        var page = await client.GetDocumentAsync("/Clients?q=muller");

        Assert.Null(page.QuerySelector("[data-testid=contacts-table]"));
    }

    [Theory]
    [InlineData("schouten", 64)]
    [InlineData("schoutn", 32)]
    public async Task A_plain_search_ranks_its_pages_exactly_as_the_same_search_with_a_filter(string query, int atLeast)
    {
        // More than a page of hits: whole-word, prefix and infix matches, so rank and name both decide the order. The
        // plain search is ranked by the name lookup itself, the filtered one by the list query.
        var firm = await app.CreateFirmAsync("Ranking");
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            string[] lastNames = ["Schouten", "Schoutenbeek", "Aschouten", "Schoutens"];
            for (var i = 0; i < 64; i++)
            {
                Add(db, new Contact { Kind = ContactKind.Person, Initials = $"{(char)('A' + (i % 26))}.", FirstName = $"Voornaam{i:D2}", LastName = lastNames[i % lastNames.Length] });
            }

            await db.SaveChangesAsync();
        }

        using var client = await app.SignedInAsync(firm.Lawyer);
        async Task<List<string>> NamesAsync(string url) =>
            (await client.GetDocumentAsync(url)).QuerySelectorAll("[data-testid=contacts-table] tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        var q = Uri.EscapeDataString(query);

        var plain = (await NamesAsync($"/Clients?q={q}")).Concat(await NamesAsync($"/Clients?q={q}&p=2")).ToList();
        var filtered = (await NamesAsync($"/Clients?q={q}&kind=Person")).Concat(await NamesAsync($"/Clients?q={q}&kind=Person&p=2")).ToList();

        Assert.True(plain.Count >= atLeast, $"{plain.Count} hits");
        Assert.Equal(filtered, plain);
        Assert.StartsWith("Schouten,", plain[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jansen")]
    [InlineData("jan jansen")]
    [InlineData("jansen-de vries")]
    [InlineData("o'brien")]
    [InlineData("van den berg")]
    [InlineData("& co")]
    public async Task The_name_lookup_ranks_each_hit_by_its_word_similarity_to_the_query(string query)
    {
        // The lookup gives a hit that holds the whole query as words rank 1 without computing the similarity; the
        // filtered search ranks by word_similarity itself, so the two must be the same number for every hit.
        var firm = await app.CreateFirmAsync("Rank shortcut");
        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Add(db, new Contact { Kind = ContactKind.Person, Initials = "J.", FirstName = "Jan", LastName = "Jansen" });
        Add(db, new Contact { Kind = ContactKind.Person, Initials = "P.", LastName = "Jansens" });
        Add(db, new Contact { Kind = ContactKind.Person, Initials = "M.", LastName = "Jansen-de Vries" });
        Add(db, new Contact { Kind = ContactKind.Person, Initials = "S.", LastName = "O'Brien" });
        Add(db, new Contact { Kind = ContactKind.Person, Initials = "A.", NameParticle = "van den", LastName = "Berg" });
        Add(db, new Contact { Kind = ContactKind.Organisation, OrganisationName = "Jansen & Co", LegalForm = "B.V." });
        await db.SaveChangesAsync();

        var t = ContactSearch.Parse(query);
        var ranked = await db.Database.SqlQuery<RankedHit>(
                $"SELECT m.id AS \"Id\", m.rank AS \"Rank\" FROM legalcrm_contact_name_matches({t.Patterns}, {t.Folded}, {t.Fuzzy}, {ContactSearch.EnoughExactHits}, true) AS m")
            .ToListAsync();
        var ids = ranked.Select(r => r.Id).ToArray();
        var similarity = await db.Contacts.Where(c => ids.Contains(c.Id))
            .Select(c => new RankedHit(c.Id, EF.Functions.TrigramsWordSimilarity(t.Folded, c.SearchText)))
            .ToDictionaryAsync(r => r.Id, r => r.Rank);

        Assert.NotEmpty(ranked);
        Assert.All(ranked, r => Assert.Equal(similarity[r.Id], r.Rank, 5));
    }

    private sealed record RankedHit(Guid Id, double Rank);

    private async Task<List<string>> SearchAsync(string query)
    {
        using var client = await app.SignedInAsync(_firm.Lawyer);
        var page = await client.GetDocumentAsync("/Clients?q=" + Uri.EscapeDataString(query));
        return page.QuerySelectorAll("[data-testid=contacts-table] tbody tr td:first-child a").Select(a => ToDisplay(a.TextContent.Trim())).ToList();
    }

    // The list shows sort names ("Berg, J. van den"); compare on display names.
    private static string ToDisplay(string sortName) => sortName switch
    {
        "Berg, J. van den" => "J. van den Berg",
        "Müller, K." => "K. Müller",
        "Jansen, P." => "P. Jansen",
        _ => sortName,
    };

    private static void Add(CrmDbContext db, Contact contact)
    {
        contact.CreatedAt = contact.UpdatedAt = DateTimeOffset.UtcNow;
        contact.UpdatedBy = "test";
        contact.RecomputeNames();
        db.Contacts.Add(contact);
    }
}
