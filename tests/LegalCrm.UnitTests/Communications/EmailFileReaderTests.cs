using System.Text;
using LegalCrm.Web.Features.Communications;

namespace LegalCrm.UnitTests.Communications;

public sealed class EmailFileReaderTests
{
    private static MemoryStream Eml(string text, Encoding? encoding = null) => new((encoding ?? Encoding.ASCII).GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)));

    [Fact]
    public async Task A_multipart_message_with_encoded_headers_and_an_attachment_is_read_whole()
    {
        var pdf = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        const string Html = "<p>Geachte heer,</p><p>Zie <b>bijlage</b>.</p><img src=\"https://track.example/p.gif\"><script>x()</script>";
        var email = await EmailFileReader.ReadAsync(Eml($"""
            Message-ID: <abc123@kantoor.nl>
            Date: Tue, 24 Nov 2026 14:05:00 +0100
            From: =?iso-8859-1?Q?J=FCrgen_M=FCller?= <J.Muller@Example.NL>
            To: "Mr. A. de Vries" <devries@vandijkdevries.nl>
            Cc: secretariaat@vandijkdevries.nl, "Pieters" <pieters@example.nl>
            Subject: =?utf-8?B?T250c2xhZyBvcCBzdGFhbmRlIHZvZXQgWzIwMjYtMDA0Ml0=?=
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain; charset=utf-8

            Geachte heer, zie bijlage.
            --inner
            Content-Type: text/html; charset=utf-8

            {Html}
            --inner--
            --outer
            Content-Type: application/pdf; name="ontslagbrief.pdf"
            Content-Disposition: attachment; filename="ontslagbrief.pdf"
            Content-Transfer-Encoding: base64

            {pdf}
            --outer--
            """));

        Assert.Equal("abc123@kantoor.nl", email.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 5, 0, TimeSpan.Zero), email.Date);
        Assert.Equal("Ontslag op staande voet [2026-0042]", email.Subject);
        Assert.Equal(new EmailAddress("Jürgen Müller", "j.muller@example.nl"), email.From);
        Assert.Equal(["devries@vandijkdevries.nl"], email.To.Select(a => a.Address));
        Assert.Equal(["secretariaat@vandijkdevries.nl", "pieters@example.nl"], email.Cc.Select(a => a.Address));
        Assert.Contains("<b>bijlage</b>", email.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("track.example", email.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("x()", email.BodyHtml, StringComparison.Ordinal);
        var attachment = Assert.Single(email.Attachments);
        Assert.Equal("ontslagbrief.pdf", attachment.FileName);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(attachment.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_text_message_in_latin_1_keeps_its_accents_and_lines()
    {
        var email = await EmailFileReader.ReadAsync(Eml("""
            Date: Wed, 25 Nov 2026 09:00:00 +0100
            From: cliente@example.nl
            Subject: Re: afspraak
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: 8bit

            Beste mr. De Vries,
            Tot morgen in het café <om 10 uur>.

            Groet, Renée
            """, Encoding.Latin1));

        Assert.Contains("café", email.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Renée", email.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;om 10 uur&gt;", email.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<br>", email.BodyHtml, StringComparison.Ordinal);
        Assert.Null(email.MessageId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Dit is geen e-mail maar een notitie zonder kopregels.\nTweede regel.")]
    public async Task Something_that_is_not_an_e_mail_is_refused(string text) =>
        await Assert.ThrowsAsync<EmailFileException>(() => EmailFileReader.ReadAsync(Eml(text)));
}
