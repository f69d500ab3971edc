using LegalCrm.Web.Features.Deadlines;

namespace LegalCrm.UnitTests.Deadlines;

public sealed class DeadlineCalculatorTests
{
    private static readonly DutchHolidays Holidays = new(DeadlineRules.DesignatedDaysInForce);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateOnly Due(DateOnly eventDate, int amount, PeriodUnit unit, StartConvention start = StartConvention.DayAfterEvent, bool atw = true) =>
        DeadlineCalculator.Calculate(eventDate, new DeadlinePeriod(amount, unit, CountDirection.Forward, start, atw), Holidays).Due;

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2000, 4, 23)]
    public void Easter_falls_on_the_known_dates(int year, int month, int day) =>
        Assert.Equal(D(year, month, day), DutchHolidays.EasterSunday(year));

    [Fact]
    public void The_holidays_of_2026_are_those_of_Atw_article_3_and_the_decree()
    {
        var days = Holidays.HolidaysIn(2026);

        Assert.Equal(
        [
            (D(2026, 1, 1), DayOff.NewYearsDay), (D(2026, 1, 2), DayOff.Designated), (D(2026, 4, 3), DayOff.GoodFriday),
            (D(2026, 4, 6), DayOff.EasterMonday), (D(2026, 4, 27), DayOff.KingsDay), (D(2026, 5, 5), DayOff.LiberationDay),
            (D(2026, 5, 14), DayOff.AscensionDay), (D(2026, 5, 15), DayOff.Designated), (D(2026, 5, 25), DayOff.WhitMonday),
            (D(2026, 12, 25), DayOff.ChristmasDay), (D(2026, 12, 26), DayOff.BoxingDay),
        ], days);
    }

    [Fact]
    public void Kings_day_moves_to_the_26th_when_the_27th_is_a_Sunday()
    {
        Assert.Equal(D(2025, 4, 26), DutchHolidays.KingsDay(2025));
        Assert.Equal(D(2031, 4, 26), DutchHolidays.KingsDay(2031));
        Assert.Equal(D(2026, 4, 27), DutchHolidays.KingsDay(2026));
        Assert.True(Holidays.IsWorkingDay(D(2031, 4, 28)));
    }

    [Fact]
    public void Months_end_on_the_same_day_number() =>
        Assert.Equal(D(2026, 6, 10), Due(D(2026, 3, 10), 3, PeriodUnit.Months));

    [Theory]
    [InlineData(2026, 1, 31, 1, 2026, 3, 2)] // 28 February 2026 is a Saturday → Monday 2 March
    [InlineData(2028, 1, 31, 1, 2028, 2, 29)] // leap year, a Tuesday
    [InlineData(2026, 8, 31, 1, 2026, 9, 30)]
    public void A_day_that_does_not_exist_in_the_month_becomes_its_last_day(int y, int m, int d, int months, int ey, int em, int ed) =>
        Assert.Equal(D(ey, em, ed), Due(D(y, m, d), months, PeriodUnit.Months));

    [Fact]
    public void The_worked_example_of_the_issue_designated_day_then_weekend()
    {
        var calculation = DeadlineCalculator.Calculate(D(2026, 2, 15), new DeadlinePeriod(3, PeriodUnit.Months), Holidays);

        Assert.Equal(D(2026, 5, 18), calculation.Due);
        Assert.Equal(
            [new CalculationStep(StepKind.Counted, D(2026, 5, 15)), new CalculationStep(StepKind.AtwArticle1, D(2026, 5, 18), DayOff.Designated)],
            calculation.Steps);
    }

    [Fact]
    public void A_limit_ending_on_a_Saturday_moves_to_Monday() =>
        Assert.Equal(D(2026, 3, 9), Due(D(2026, 1, 24), 6, PeriodUnit.Weeks)); // 7 March 2026 is a Saturday

    [Fact]
    public void A_limit_ending_on_Easter_Sunday_skips_Easter_Monday_too() =>
        Assert.Equal(D(2026, 4, 7), Due(D(2026, 1, 5), 3, PeriodUnit.Months));

    [Fact]
    public void Good_Friday_Easter_and_Easter_Monday_are_skipped_together() =>
        Assert.Equal(D(2026, 4, 7), Due(D(2026, 1, 3), 3, PeriodUnit.Months)); // 3 April 2026: Good Friday

    [Fact]
    public void Kings_day_on_a_Sunday_moves_the_holiday_to_Saturday_so_Monday_the_28th_counts() =>
        Assert.Equal(D(2025, 4, 28), Due(D(2025, 1, 26), 3, PeriodUnit.Months)); // 26 April 2025 (Sat, Koningsdag) → 27 Sun → 28 Mon

    [Fact]
    public void Ascension_day_and_the_designated_Friday_after_it_are_both_skipped() =>
        Assert.Equal(D(2026, 5, 18), Due(D(2026, 4, 2), 6, PeriodUnit.Weeks)); // 14 May 2026 Ascension, 15 May designated, weekend

    [Fact]
    public void New_years_day_and_the_designated_day_after_it_chain_into_the_next_working_day() =>
        Assert.Equal(D(2026, 1, 5), Due(D(2025, 12, 1), 1, PeriodUnit.Months));

    [Fact]
    public void Boxing_day_on_a_Friday_moves_to_Monday() =>
        Assert.Equal(D(2025, 12, 29), Due(D(2025, 10, 26), 2, PeriodUnit.Months));

    [Fact]
    public void Article_2_gives_a_short_limit_two_working_days()
    {
        // Three days from Maundy Thursday 2026: Good Friday, Saturday, Sunday → art. 1: Easter Monday is a holiday too,
        // so Tuesday 7 April; the limit then holds one working day, and art. 2 extends it to Wednesday.
        var calculation = DeadlineCalculator.Calculate(D(2026, 4, 2), new DeadlinePeriod(3, PeriodUnit.Days), Holidays);

        Assert.Equal(D(2026, 4, 8), calculation.Due);
        Assert.Equal([StepKind.Counted, StepKind.AtwArticle1, StepKind.AtwArticle2], calculation.Steps.Select(s => s.Kind));
        Assert.Equal(DayOff.Sunday, calculation.Steps[1].Reason);
    }

    [Fact]
    public void Article_2_does_not_apply_to_limits_of_less_than_three_days() =>
        Assert.Equal(D(2026, 4, 7), Due(D(2026, 4, 2), 2, PeriodUnit.Days)); // Saturday 4 April → art. 1 only → Tuesday

    [Fact]
    public void Without_the_Atw_a_limit_may_end_on_a_weekend() =>
        Assert.Equal(D(2026, 3, 7), Due(D(2026, 1, 24), 6, PeriodUnit.Weeks, atw: false));

    [Fact]
    public void Counting_the_event_day_itself_ends_a_day_earlier()
    {
        var calculation = DeadlineCalculator.Calculate(D(2026, 3, 10), new DeadlinePeriod(14, PeriodUnit.Days, Start: StartConvention.EventDay), Holidays);

        Assert.Equal(D(2026, 3, 23), calculation.Due);
        Assert.Equal([StepKind.Counted, StepKind.EventDayCounted], calculation.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void A_backward_limit_is_counted_back_and_never_extended()
    {
        // Two weeks before a hearing on Monday 16 March 2026 is Monday 2 March; a weekend end stays on the weekend.
        var period = new DeadlinePeriod(2, PeriodUnit.Weeks, CountDirection.Backward, AtwApplies: false);
        Assert.Equal(D(2026, 3, 2), DeadlineCalculator.Calculate(D(2026, 3, 16), period, Holidays).Due);
        Assert.Equal(D(2026, 3, 7), DeadlineCalculator.Calculate(D(2026, 3, 21), period, Holidays).Due);
    }

    [Fact]
    public void A_backward_rule_with_the_Atw_is_refused_with_the_article()
    {
        var period = new DeadlinePeriod(2, PeriodUnit.Weeks, CountDirection.Backward, AtwApplies: true);

        Assert.Contains("art. 1(2)", period.Refusal());
        Assert.Throws<ArgumentException>(() => DeadlineCalculator.Calculate(D(2026, 3, 16), period, Holidays));
    }

    [Theory]
    [InlineData(0, PeriodUnit.Days)]
    [InlineData(-3, PeriodUnit.Weeks)]
    [InlineData(121, PeriodUnit.Months)]
    public void Nonsense_periods_are_refused(int amount, PeriodUnit unit) =>
        Assert.NotNull(new DeadlinePeriod(amount, unit).Refusal());

    [Fact]
    public void A_designated_day_is_data_without_it_the_Friday_counts()
    {
        var withoutDecree = DeadlineCalculator.Calculate(D(2026, 2, 15), new DeadlinePeriod(3, PeriodUnit.Months), DutchHolidays.WithoutDesignatedDays);

        Assert.Equal(D(2026, 5, 15), withoutDecree.Due);
    }

    [Fact]
    public void A_calculation_survives_its_round_trip_through_the_database_column()
    {
        var calculation = DeadlineCalculator.Calculate(D(2026, 2, 15), new DeadlinePeriod(3, PeriodUnit.Months), Holidays);

        var back = DeadlineCalculation.FromJson(calculation.ToJson())!;

        Assert.Equal(calculation.Due, back.Due);
        Assert.Equal(calculation.Period, back.Period);
        Assert.Equal(calculation.Steps, back.Steps);
    }
}
