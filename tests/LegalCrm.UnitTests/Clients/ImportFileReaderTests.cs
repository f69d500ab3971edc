using System.Text;
using LegalCrm.Web.Features.Clients;

namespace LegalCrm.UnitTests.Clients;

public sealed class ImportFileReaderTests
{
    static ImportFileReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Reads_semicolon_csv_in_windows_1252_as_dutch_excel_saves_it()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("Achternaam;Plaats\r\nMüller;'s-Hertogenbosch\r\nBeaufort;Curaçao\r\n");

        var table = ImportFileReader.Read(bytes, "lijst.csv");

        Assert.Equal(("Windows-1252", ';'), (table.EncodingName, table.Delimiter!.Value));
        Assert.Equal(["Achternaam", "Plaats"], table.Headers);
        Assert.Equal(["Müller", "'s-Hertogenbosch"], table.Rows[0].Cells);
        Assert.Equal("Curaçao", table.Rows[1].Cells[1]);
    }

    [Fact]
    public void Reads_comma_csv_in_utf8_with_bom_quotes_and_line_breaks_in_values()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name,notes\n\"Berg, J. van den\",\"says \"\"hi\"\"\nand more\"\nÖzil,\n")).ToArray();

        var table = ImportFileReader.Read(bytes, "list.csv");

        Assert.Equal(("UTF-8", ','), (table.EncodingName, table.Delimiter!.Value));
        Assert.Equal(["Berg, J. van den", "says \"hi\"\nand more"], table.Rows[0].Cells);
        Assert.Equal(2, table.Rows[0].Line);
        Assert.Equal(4, table.Rows[1].Line);
        Assert.Equal("Özil", table.Rows[1].Cells[0]);
    }

    [Fact]
    public void Skips_empty_lines_and_keeps_the_line_numbers_of_the_file()
    {
        var table = ImportFileReader.Read("a;b\r\n\r\n1;2\r\n;\r\n3;4"u8.ToArray(), "x.csv");

        Assert.Equal([3, 5], table.Rows.Select(r => r.Line));
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("naam;plaats\r\n", "The file has a header but no rows to import.")]
    [InlineData("naam;notities\r\nJansen;\"niet gesloten\r\n", "A quote opened on line {0} is never closed. Check the file in a text editor.")]
    [InlineData("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jan\r\n", "The card that starts on line {0} has no END:VCARD.")]
    public void Refuses_files_it_cannot_read_whole(string content, string message)
    {
        var error = Assert.Throws<ImportFileException>(() => ImportFileReader.Read(Encoding.UTF8.GetBytes(content), "x.csv"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Refuses_binary_files_such_as_an_excel_workbook()
    {
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xFF, 0x9A];

        var error = Assert.Throws<ImportFileException>(() => ImportFileReader.Read(zip, "clients.xlsx"));

        Assert.StartsWith("This is not a text file.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_files_over_the_size_limit_and_overlong_values()
    {
        Assert.Throws<ImportFileException>(() => ImportFileReader.Read(new byte[ImportFileReader.MaxBytes + 1], "big.csv"));

        var longValue = "naam\r\n" + new string('x', ImportFileReader.MaxCellLength + 1) + "\r\n";
        var error = Assert.Throws<ImportFileException>(() => ImportFileReader.Read(Encoding.UTF8.GetBytes(longValue), "long.csv"));
        Assert.Equal([2, ImportFileReader.MaxCellLength], error.Arguments);
    }

    [Fact]
    public void Reads_several_vcards_of_version_3_and_4_with_folded_lines()
    {
        const string cards = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:van den Berg;Jan;;Dhr.;\r\nFN:Jan van den Berg\r\nEMAIL;TYPE=INTERNET,WORK:jan@berg.nl\r\n"
            + "TEL;TYPE=CELL:06-12345678\r\nADR;TYPE=WORK:;;Keizersgracht 1;Amster\r\n dam;;1015 CJ;Nederland\r\nBDAY:1970-05-17\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Bakkerij Zoet B.V.\r\nORG:Bakkerij Zoet B.V.\r\nTEL;VALUE=uri;TYPE=work:tel:+31201234567\r\nNOTE:Klant sinds 2010\\, via\\nbeurs\r\nEND:VCARD\r\n";

        var table = ImportFileReader.Read(Encoding.UTF8.GetBytes(cards), "contacts.vcf");
        var mapping = ImportFields.GuessAll(table.Headers);
        var jan = ImportRows.Read(table.Rows[0].Cells, mapping);
        var bakery = ImportRows.Read(table.Rows[1].Cells, mapping);

        Assert.Equal(ImportFormat.VCard, table.Format);
        Assert.DoesNotContain(ImportField.Ignore, mapping);
        Assert.Empty(jan.Problems);
        Assert.Equal((ContactKind.Person, "Jan", "van den", "Berg", "Dhr."), (jan.Input.Kind, jan.Input.FirstName, jan.Input.NameParticle, jan.Input.LastName, jan.Input.Salutation));
        Assert.Equal(("Amsterdam", "NL"), (jan.Input.Addresses[0].City, jan.Input.Addresses[0].CountryCode));
        Assert.Equal(new DateOnly(1970, 5, 17), jan.Input.DateOfBirth);
        Assert.Equal((ContactKind.Organisation, "Bakkerij Zoet B.V."), (bakery.Input.Kind, bakery.Input.OrganisationName));
        Assert.Equal("Klant sinds 2010, via\nbeurs", bakery.Input.Notes);
        Assert.Equal("+31201234567", bakery.Input.Phones.Single().Number);
        Assert.Equal(11, table.Rows[1].Line);
    }
}
