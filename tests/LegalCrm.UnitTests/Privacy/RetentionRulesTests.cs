using LegalCrm.Web.Features.Privacy;

namespace LegalCrm.UnitTests.Privacy;

public sealed class RetentionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_practice_areas_own_policy_overrides_the_firm_wide_one_and_other_areas_keep_the_firm_wide_one()
    {
        var policies = RetentionRules.Starting(Now).Append(new RetentionPolicy { Category = RetentionCategory.ClosedDossiers, PracticeArea = "Strafrecht", PeriodMonths = 120 }).ToList();
        Assert.Equal(120, RetentionRules.For(policies, RetentionCategory.ClosedDossiers, "strafrecht")!.PeriodMonths);
        Assert.Equal(60, RetentionRules.For(policies, RetentionCategory.ClosedDossiers, "Arbeidsrecht")!.PeriodMonths);
        Assert.Equal(60, RetentionRules.For(policies, RetentionCategory.ClosedDossiers, null)!.PeriodMonths);
        Assert.Equal(84, RetentionRules.For(policies, RetentionCategory.BillingData, "Strafrecht")!.PeriodMonths);
        Assert.Null(RetentionRules.For([], RetentionCategory.Prospects, null));
    }

    [Fact]
    public void The_starting_set_keeps_closed_dossiers_five_years_billing_seven_wwft_five_after_the_relationship_and_prospects_one_after_the_last_contact()
    {
        var starting = RetentionRules.Starting(Now);
        Assert.Equal((60, RetentionStart.DossierClosed), Of(RetentionCategory.ClosedDossiers));
        Assert.Equal((84, RetentionStart.DossierClosed), Of(RetentionCategory.BillingData));
        Assert.Equal((60, RetentionStart.RelationshipEnded), Of(RetentionCategory.WwftRecords));
        Assert.Equal((12, RetentionStart.LastContact), Of(RetentionCategory.Prospects));

        (int, RetentionStart) Of(RetentionCategory category) => starting.Where(p => p.Category == category).Select(p => (p.PeriodMonths, p.StartsAt)).Single();
    }

    [Theory]
    [InlineData(2021, 11, 29, 60, 2026, 11, 29, false)] // the last day of the five years: still kept
    [InlineData(2021, 11, 28, 60, 2026, 11, 29, true)]
    [InlineData(2024, 2, 29, 12, 2025, 2, 28, false)] // a leap day plus a year ends on 28 February
    [InlineData(2024, 2, 29, 12, 2025, 3, 1, true)]
    public void A_record_expires_the_day_after_its_period_ends(int y, int m, int d, int months, int ty, int tm, int td, bool expired) =>
        Assert.Equal(expired, RetentionRules.Expired(new DateOnly(y, m, d), months, new DateOnly(ty, tm, td)));

    [Theory]
    [InlineData(RetentionCategory.ClosedDossiers, RetentionStart.DossierClosed)]
    [InlineData(RetentionCategory.BillingData, RetentionStart.DossierClosed)]
    [InlineData(RetentionCategory.WwftRecords, RetentionStart.RelationshipEnded)]
    [InlineData(RetentionCategory.Prospects, RetentionStart.LastContact)]
    public void Each_kind_of_data_is_counted_from_the_event_the_sweep_can_date(RetentionCategory category, RetentionStart start)
    {
        Assert.Equal(start, RetentionRules.StartOf(category));
        Assert.Equal(start, RetentionRules.Starting(DateTimeOffset.UnixEpoch).Single(p => p.Category == category).StartsAt);
    }
}
