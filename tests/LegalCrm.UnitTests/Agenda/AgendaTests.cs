using System.Globalization;
using LegalCrm.Web.Features.Agenda;
using Microsoft.Extensions.Localization;

namespace LegalCrm.UnitTests.Agenda;

public sealed class AgendaTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public void A_week_runs_from_Monday_to_Sunday_and_steps_by_seven_days()
    {
        var week = AgendaPeriod.Of(AgendaView.Week, D("2026-11-29"));

        Assert.Equal((D("2026-11-23"), D("2026-11-29")), (week.From, week.To));
        Assert.Equal((D("2026-11-22"), D("2026-12-06")), (week.Previous, week.Next));
    }

    [Fact]
    public void A_month_shows_whole_weeks_around_it_and_steps_to_the_first_of_the_next_month()
    {
        // February 2026 starts on a Sunday and ends on a Saturday.
        var month = AgendaPeriod.Of(AgendaView.Month, D("2026-02-15"));

        Assert.Equal((D("2026-01-26"), D("2026-03-01")), (month.From, month.To));
        Assert.Equal((D("2026-01-01"), D("2026-03-01")), (month.Previous, month.Next));
        Assert.Equal(35, month.Days().Count());
        Assert.True(month.IsOutsideMonth(D("2026-01-31")));
        Assert.False(month.IsOutsideMonth(D("2026-02-01")));
    }

    [Fact]
    public void The_list_looks_four_weeks_ahead_and_a_day_is_one_day()
    {
        var list = AgendaPeriod.Of(AgendaView.List, D("2026-12-01"));
        var day = AgendaPeriod.Of(AgendaView.Day, D("2026-12-01"));

        Assert.Equal((D("2026-12-01"), D("2026-12-28")), (list.From, list.To));
        Assert.Equal((D("2026-12-01"), D("2026-12-01"), D("2026-11-30"), D("2026-12-02")), (day.From, day.To, day.Previous, day.Next));
    }

    [Fact]
    public void A_feed_token_names_its_user_and_only_its_own_secret_matches()
    {
        var user = Guid.NewGuid();
        var (token, hash) = CalendarFeedToken.Create(user);
        var (otherToken, _) = CalendarFeedToken.Create(user);

        var parsed = CalendarFeedToken.Parse(token);
        Assert.Equal(user, parsed!.Value.UserId);
        Assert.True(CalendarFeedToken.Matches(parsed.Value.Secret, hash));
        Assert.False(CalendarFeedToken.Matches(CalendarFeedToken.Parse(otherToken)!.Value.Secret, hash));
        Assert.Null(CalendarFeedToken.Parse(user.ToString("N")));
        Assert.Null(CalendarFeedToken.Parse("../../etc/passwd"));
        Assert.Null(CalendarFeedToken.Parse(token + "x"));
    }

    private static readonly AgendaItem Appeal = new(AgendaItemKind.Deadline, Guid.Parse("0193a0c4-0000-7000-8000-000000000001"), D("2026-12-14"), null, null, "Hoger beroep Jansen", true, null, Guid.NewGuid(), "2026-0042");

    private static readonly AgendaItem Meeting = new(AgendaItemKind.Meeting, Guid.Parse("0193a0c4-0000-7000-8000-000000000002"), D("2026-12-15"), new TimeOnly(14, 30), 90, "Bespreking met cliënt", false, "Kantoor Utrecht", null, null);

    [Fact]
    public void The_feed_has_all_day_deadlines_and_timed_meetings_with_stable_ids()
    {
        var ics = CalendarFeedWriter.Write([Appeal, Meeting], titlesHidden: false, "https://crm.example.nl", new KeyLocalizer());

        Assert.Contains("UID:deadline-0193a0c4-0000-7000-8000-000000000001@legalcrm", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261214", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:AGENDA:FATALDEADLINE: Hoger beroep Jansen (2026-0042)", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20261215T143000", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Amsterdam:20261215T160000", ics, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Kantoor Utrecht", ics, StringComparison.Ordinal);
        Assert.Contains("https://crm.example.nl/Communications/0193a0c4-0000-7000-8000-000000000002", ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void With_titles_hidden_the_feed_shows_only_dossier_number_and_kind()
    {
        var ics = CalendarFeedWriter.Write([Appeal, Meeting], titlesHidden: true, "https://crm.example.nl", new KeyLocalizer());

        Assert.DoesNotContain("Jansen", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("cliënt", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Utrecht", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:2026-0042 · agenda:FatalDeadline", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:agenda:Meeting", ics, StringComparison.Ordinal);
    }

    /// <summary>Answers with the key itself, so the tests see which text was asked for.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
