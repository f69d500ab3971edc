using LegalCrm.Web.Features.Clients;

namespace LegalCrm.UnitTests.Clients;

public sealed class ContactExportFormatsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+31612345678", "'+31612345678")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Jansen; Zn", "\"Jansen; Zn\"")]
    [InlineData("plain", "plain")]
    [InlineData(null, "")]
    public void Csv_cells_are_quoted_and_never_start_like_a_formula(string? value, string expected) =>
        Assert.Equal(expected, LegalCrm.Web.Features.Shared.Csv.Cell(value));

    [Fact]
    public void A_vcard_escapes_text_and_folds_long_lines()
    {
        var contact = new Contact
        {
            Kind = ContactKind.Person,
            Initials = "J.",
            FirstName = "Jan",
            NameParticle = "van",
            LastName = "Dijk, Jr.",
            Emails = [new ContactEmail { Address = "jan@dijk.nl" }],
            Phones = [new ContactPhone { Kind = PhoneKind.Mobile, Number = "+31612345678" }],
            Addresses = [new ContactAddress { Kind = AddressKind.Visit, Street = new string('a', 120), PostalCode = "1234 AB", City = "Utrecht" }],
        };
        contact.RecomputeNames();

        var card = ContactExportFormats.VCard(contact);

        Assert.StartsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n", card, StringComparison.Ordinal);
        Assert.Contains("N:van Dijk\\, Jr.;Jan;J.;;\r\n", card, StringComparison.Ordinal);
        Assert.Contains("TEL;VALUE=uri;TYPE=cell:tel:+31612345678\r\n", card, StringComparison.Ordinal);
        Assert.All(card.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.EndsWith("END:VCARD\r\n", card, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vcard_export_reads_back_as_the_same_contact()
    {
        var contact = new Contact
        {
            Kind = ContactKind.Person,
            Initials = "J.H.",
            NameParticle = "van den",
            LastName = "Berg",
            DateOfBirth = new DateOnly(1970, 5, 17),
            Emails = [new ContactEmail { Address = "j.vandenberg@example.nl" }],
            Phones = [new ContactPhone { Kind = PhoneKind.Mobile, Number = "+31612345678" }],
            Addresses = [new ContactAddress { Kind = AddressKind.Visit, Street = "Keizersgracht 1", PostalCode = "1015 CJ", City = "Amsterdam" }],
        };
        contact.RecomputeNames();

        var table = ImportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(ContactExportFormats.VCard(contact)), "export.vcf");
        var row = ImportRows.Read(table.Rows.Single().Cells, ImportFields.GuessAll(table.Headers));

        Assert.Empty(row.Problems);
        Assert.Equal(("J.H.", "van den", "Berg"), (row.Input.Initials, row.Input.NameParticle, row.Input.LastName));
        Assert.Equal(new DateOnly(1970, 5, 17), row.Input.DateOfBirth);
        Assert.Equal("j.vandenberg@example.nl", row.Input.Emails.Single().Address);
        Assert.Equal("+31612345678", row.Input.Phones.Single().Number);
        Assert.Equal(("Keizersgracht 1", "1015 CJ", "Amsterdam", "NL"), (row.Input.Addresses[0].Street, row.Input.Addresses[0].PostalCode, row.Input.Addresses[0].City, row.Input.Addresses[0].CountryCode));
    }
}
