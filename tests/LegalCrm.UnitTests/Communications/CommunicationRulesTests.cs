using LegalCrm.Web.Features.Communications;
using LegalCrm.Web.Features.Communications.Mailboxes;

namespace LegalCrm.UnitTests.Communications;

public sealed class CommunicationRulesTests
{
    private static readonly DateTimeOffset Logged = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, false, 23, 24, true)] // the author, inside the window
    [InlineData(true, false, 25, 24, false)] // the author, after it
    [InlineData(false, false, 1, 24, false)] // a colleague, never alone
    [InlineData(false, true, 24 * 365, 24, true)] // communications.manage, any time
    [InlineData(true, false, 0, 0, false)] // a window of 0 hours: the author never alone
    public void The_author_may_change_within_the_window_a_manager_always(bool isAuthor, bool canManage, int hoursLater, int editHours, bool expected) =>
        Assert.Equal(expected, CommunicationRules.MayChange(isAuthor, canManage, Logged, Logged.AddHours(hoursLater), editHours));

    [Fact]
    public void The_dossier_number_comes_from_a_plus_address_or_brackets_in_the_subject()
    {
        Assert.Equal(["2026-0042"], DossierReference.Candidates("Schade", ["inbox+2026-0042@kantoor.nl"]));
        Assert.Equal(["2026-0042"], DossierReference.Candidates("RE: FW: [2026-0042] Schade", ["inbox@kantoor.nl"]));
        Assert.Equal(["2026-0042", "2025-0007"], DossierReference.Candidates("[2025-0007] Schade", ["inbox+2026-0042@kantoor.nl"]));
        Assert.Empty(DossierReference.Candidates("Schade 2026-0042", ["inbox@kantoor.nl", "+31@x.nl"]));
        Assert.Empty(DossierReference.Candidates("[" + new string('1', 41) + "]", []));
    }

    [Fact]
    public void A_failing_mailbox_is_retried_after_a_growing_pause_of_at_most_an_hour()
    {
        Assert.Equal(TimeSpan.Zero, MailboxBackoff.After(0));
        Assert.Equal(TimeSpan.FromMinutes(1), MailboxBackoff.After(1));
        Assert.Equal(TimeSpan.FromMinutes(2), MailboxBackoff.After(2));
        Assert.Equal(TimeSpan.FromMinutes(32), MailboxBackoff.After(6));
        Assert.Equal(TimeSpan.FromHours(1), MailboxBackoff.After(7));
        Assert.Equal(TimeSpan.FromHours(1), MailboxBackoff.After(1000));
    }

    [Fact]
    public void A_search_snippet_is_encoded_and_only_the_hit_marks_become_html()
    {
        var marked = $"de &lt;script&gt; werknemer is {'\u0001'}ontslagen{'\u0002'} &amp; weg";
        Assert.Equal("de &lt;script&gt; werknemer is <mark>ontslagen</mark> &amp; weg", CommunicationSearch.MarkedToHtml(marked, textIsHtml: true));
        Assert.Equal("Tom &amp;amp; <mark>Jerry</mark>", CommunicationSearch.MarkedToHtml($"Tom &amp; {'\u0001'}Jerry{'\u0002'}", textIsHtml: false));
        Assert.Equal("&lt;b&gt;x&lt;/b&gt;", CommunicationSearch.MarkedToHtml("<b>x</b>", textIsHtml: false));
    }
}
