using System.Text;
using LegalCrm.Web.Features.Documents;

namespace LegalCrm.UnitTests.Documents;

public sealed class DocumentRulesTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n");

    [Theory]
    [InlineData("brief.pdf", "brief.pdf")]
    [InlineData(@"C:\Users\jan\Documents\brief.pdf", "brief.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("akte<concept>:v2?.docx", "akte_concept__v2_.docx")]
    [InlineData("  .verborgen.txt  ", "verborgen.txt")]
    [InlineData("regel\r\nnieuw.txt", "regel__nieuw.txt")]
    [InlineData("...", "document")]
    [InlineData("", "document")]
    [InlineData(".pdf", "pdf")]
    [InlineData("cliënt.pdf", "cliënt.pdf")]
    public void File_names_lose_folders_and_reserved_characters(string given, string expected) =>
        Assert.Equal(expected, FileNames.Sanitise(given));

    [Fact]
    public void A_long_file_name_is_cut_but_keeps_its_extension()
    {
        var name = FileNames.Sanitise(new string('a', 300) + ".pdf");

        Assert.Equal(FileNames.MaxLength, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decomposed_accent_is_stored_composed() =>
        Assert.Equal("cliënt.pdf", FileNames.Sanitise("clie\u0308nt.pdf"));

    [Theory]
    [InlineData("dagvaarding.pdf", FileTypeVerdict.Accepted)]
    [InlineData("DAGVAARDING.PDF", FileTypeVerdict.Accepted)]
    [InlineData("dagvaarding.docx", FileTypeVerdict.Disguised)]
    [InlineData("dagvaarding.txt", FileTypeVerdict.Disguised)]
    [InlineData("dagvaarding.exe", FileTypeVerdict.NotAllowed)]
    [InlineData("dagvaarding.svg", FileTypeVerdict.NotAllowed)]
    [InlineData("dagvaarding", FileTypeVerdict.NotAllowed)]
    public void The_extension_must_promise_what_the_content_is(string name, FileTypeVerdict expected) =>
        Assert.Equal(expected, FileTypes.Check(name, Pdf).Verdict);

    [Theory]
    [InlineData("foto.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData("foto.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "image/jpeg")]
    [InlineData("akte.docx", new byte[] { (byte)'P', (byte)'K', 3, 4, 20, 0 }, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("oud.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "application/msword")]
    [InlineData("notitie.txt", new byte[] { (byte)'H', (byte)'o', (byte)'i', (byte)'\n' }, "text/plain; charset=utf-8")]
    public void The_content_type_follows_from_the_content(string name, byte[] head, string contentType)
    {
        var check = FileTypes.Check(name, head);

        Assert.Equal(FileTypeVerdict.Accepted, check.Verdict);
        Assert.Equal(contentType, check.ContentType);
    }

    [Theory]
    [InlineData("rapport.pdf")]
    [InlineData("notitie.txt")]
    [InlineData("foto.jpg")]
    public void A_program_is_refused_whatever_it_is_called(string name) =>
        Assert.Equal(FileTypeVerdict.Disguised, FileTypes.Check(name, [(byte)'M', (byte)'Z', 0x90, 0, 3, 0]).Verdict);

    [Fact]
    public void Binary_content_is_not_text() =>
        Assert.Equal(FileTypeVerdict.Disguised, FileTypes.Check("notitie.txt", [1, 2, 0, 4, 5]).Verdict);

    [Theory]
    [InlineData("application/pdf", true)]
    [InlineData("image/png", true)]
    [InlineData("image/tiff", false)]
    [InlineData("text/plain; charset=utf-8", false)]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false)]
    public void Only_pdfs_and_common_images_are_shown_inline(string contentType, bool previewable) =>
        Assert.Equal(previewable, FileTypes.IsPreviewable(contentType));

    [Fact]
    public void Upload_rules_refuse_empty_and_oversized_files_with_the_name()
    {
        Assert.Equal("{0} is empty.", DocumentUploadRules.Check("a.pdf", 0, [], 1024)!.Message);
        var tooLarge = DocumentUploadRules.Check("a.pdf", 2 * 1024 * 1024 + 1, Pdf, 2 * 1024 * 1024)!;
        Assert.Equal("{0} is larger than {1} MB, the limit for one file.", tooLarge.Message);
        Assert.Equal(new object[] { "a.pdf", 2L }, tooLarge.Arguments);
        Assert.Null(DocumentUploadRules.Check("a.pdf", 2 * 1024 * 1024, Pdf, 2 * 1024 * 1024));
    }
}
