using LegalCrm.Web.Features.Clients;

namespace LegalCrm.UnitTests.Clients;

public sealed class ImportRowsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData("E-mail adres", ImportField.Email)]
    [InlineData("Achternaam", ImportField.LastName)]
    [InlineData("TUSSENVOEGSEL", ImportField.NameParticle)]
    [InlineData("KvK-nummer", ImportField.Kvk)]
    [InlineData("Business Phone", ImportField.Phone)]
    [InlineData("Woonplaats", ImportField.City)]
    [InlineData("client_number", ImportField.Ignore)]
    [InlineData("display_name", ImportField.Ignore)]
    [InlineData("kleur", ImportField.Ignore)]
    public void Guesses_the_field_from_dutch_and_english_column_names(string header, ImportField expected) =>
        Assert.Equal(expected, ImportFields.Guess(header));

    [Fact]
    public void Proposes_a_field_once_even_when_two_columns_look_alike()
    {
        Assert.Equal([ImportField.Phone, ImportField.Ignore, ImportField.Phone2], ImportFields.GuessAll(["Telefoon", "Mobiel", "Telefoon 2"]));
    }

    [Fact]
    public void Our_own_csv_export_maps_back_onto_the_import_fields()
    {
        var mapping = ImportFields.GuessAll(ContactExportFormats.CsvHeader);

        Assert.Contains(ImportField.LastName, mapping);
        Assert.Contains(ImportField.Organisation, mapping);
        Assert.Contains(ImportField.Email, mapping);
        Assert.Contains(ImportField.PostalCode, mapping);
    }

    [Fact]
    public void A_row_becomes_the_same_input_the_form_posts()
    {
        ImportField[] mapping = [ImportField.LastName, ImportField.Initials, ImportField.Email, ImportField.Phone, ImportField.PostalCode, ImportField.City, ImportField.Street, ImportField.DateOfBirth, ImportField.IsClient, ImportField.Country];

        var row = ImportRows.Read(["van der Meer", "a.b.", "anna@meer.nl", "06 12345678", "1234ab", "Utrecht", "Dorpsstraat 1", "17-5-1970", "ja", "Nederland"], mapping);

        Assert.Empty(row.Problems);
        Assert.Equal((ContactKind.Person, "van der", "Meer"), (row.Input.Kind, row.Input.NameParticle, row.Input.LastName));
        Assert.Equal(new DateOnly(1970, 5, 17), row.Input.DateOfBirth);
        Assert.True(row.Input.IsClient);
        Assert.Equal(PhoneKind.Mobile, row.Input.Phones.Single().Kind);
        Assert.Equal("NL", row.Input.Addresses.Single().CountryCode);
        Assert.Empty(ImportRows.Check(row.Input, Today));
    }

    [Fact]
    public void A_row_with_an_organisation_name_and_no_last_name_is_an_organisation()
    {
        var row = ImportRows.Read(["Bakkerij Zoet", "12345678"], [ImportField.Organisation, ImportField.Kvk]);

        Assert.Equal(ContactKind.Organisation, row.Input.Kind);
        Assert.Empty(ImportRows.Check(row.Input, Today));
    }

    [Fact]
    public void Bad_values_are_problems_on_their_column()
    {
        ImportField[] mapping = [ImportField.LastName, ImportField.Email, ImportField.PostalCode, ImportField.City, ImportField.Street, ImportField.DateOfBirth, ImportField.Kind, ImportField.Iban];

        var row = ImportRows.Read(["Jansen", "geen-adres", "12345", "Utrecht", "Straat 1", "31-02-1980", "robot", "NL00BANK0123456789"], mapping);
        var problems = row.Problems.Concat(ImportRows.Check(row.Input, Today)).ToList();

        Assert.Contains(problems, p => p.Field == ImportField.DateOfBirth);
        Assert.Contains(problems, p => p.Field == ImportField.Kind);
        Assert.Contains(problems, p => p.Field == ImportField.Email);
        Assert.Contains(problems, p => p.Field == ImportField.PostalCode);
        Assert.Contains(problems, p => p.Field == ImportField.Iban);
    }

    [Fact]
    public void Over_long_values_and_extra_cells_are_refused()
    {
        var row = ImportRows.Read([new string('x', 300), "extra"], [ImportField.LastName]);

        Assert.Contains(row.Problems, p => p.Field == ImportField.Ignore);
        Assert.Contains(ImportRows.Check(row.Input, Today), p => p.Field == ImportField.LastName && p.Message == "This value is too long.");
    }

    [Fact]
    public void An_update_fills_what_the_file_has_adds_new_details_and_erases_nothing()
    {
        var existing = new ContactInput
        {
            Kind = ContactKind.Person,
            LastName = "Jansen",
            FirstName = "Piet",
            Tags = "huur",
            Emails = [new ContactInput.EmailRow { Id = Guid.NewGuid(), Address = "piet@jansen.nl" }],
            Phones = [new ContactInput.PhoneRow { Id = Guid.NewGuid(), Number = "06 12345678" }],
        };
        var row = ImportRows.Read(["PIET@jansen.nl", "+31612345678", "+31201234567", "arbeid", ""], [ImportField.Email, ImportField.Phone, ImportField.Phone2, ImportField.Tags, ImportField.FirstName]);

        var merged = ImportRows.Overlay(existing, row);

        Assert.Equal(("Piet", "Jansen"), (merged.FirstName, merged.LastName));
        Assert.Single(merged.Emails);
        Assert.Equal(2, merged.Phones.Count);
        Assert.Equal("arbeid, huur", merged.Tags);
    }

    [Theory]
    [InlineData("van den Berg", "van den", "Berg")]
    [InlineData("De Vries", "de", "Vries")]
    [InlineData("Berg", null, "Berg")]
    [InlineData("Van", null, "Van")]
    [InlineData("van 't Hek", "van 't", "Hek")]
    public void Splits_the_particle_off_a_last_name(string lastName, string? particle, string rest) =>
        Assert.Equal((particle, rest), DutchName.SplitParticle(lastName));
}
