using LegalCrm.Web.Features.Communications;

namespace LegalCrm.UnitTests.Communications;

public sealed class CommunicationBodyTests
{
    [Fact]
    public void Markdown_becomes_html_and_html_typed_in_it_stays_text()
    {
        var html = CommunicationBody.FromMarkdown("**Cliënt** belde over de *dagvaarding*.\n\n- termijn\n- kosten\n\n<script>alert(1)</script>");

        Assert.Contains("<strong>Cliënt</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>termijn</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<p>Hallo</p><script>alert('x')</script>", "alert")]
    [InlineData("<p onclick=\"steal()\">Hallo</p>", "steal")]
    [InlineData("<p>Hallo<img src=\"https://tracker.example/pixel.gif\" width=\"1\" height=\"1\"></p>", "tracker")]
    [InlineData("<style>p { color: red }</style><p>Hallo</p>", "color")]
    [InlineData("<a href=\"javascript:alert(1)\">klik</a>", "javascript")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe><p>Hallo</p>", "evil")]
    public void E_mail_html_loses_scripts_handlers_styles_and_remote_images(string html, string gone)
    {
        var clean = CommunicationBody.Sanitise(html);

        Assert.DoesNotContain(gone, clean, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Content_inside_layout_tags_is_kept_and_links_do_not_leak_the_referrer()
    {
        var clean = CommunicationBody.Sanitise("<center><font face=\"Arial\">Geachte heer,</font></center><a href=\"https://rechtspraak.nl\">uitspraak</a>");

        Assert.Contains("Geachte heer,", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("font", clean, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", clean, StringComparison.Ordinal);
    }
}
