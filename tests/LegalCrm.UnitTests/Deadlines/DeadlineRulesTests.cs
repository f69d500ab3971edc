using LegalCrm.Web.Features.Deadlines;

namespace LegalCrm.UnitTests.Deadlines;

public sealed class DeadlineRulesTests
{
    [Fact]
    public void Reminder_days_are_read_in_descending_order_without_repeats()
    {
        var (days, error) = DeadlineRules.ParseReminderDays("1, 14;7 7  3");

        Assert.Null(error);
        Assert.Equal([14, 7, 3, 1], days);
    }

    [Fact]
    public void No_reminders_is_an_empty_list() => Assert.Equal([], DeadlineRules.ParseReminderDays("  ").Days);

    [Theory]
    [InlineData("7, -1", "A reminder cannot come after the deadline. Use 0 for a reminder on the day itself.")]
    [InlineData("7, morgen", "Reminders are numbers of days before the deadline, separated by commas, such as 14, 7, 3, 1.")]
    [InlineData("400", "A reminder can be at most 365 days before the deadline.")]
    [InlineData("1 2 3 4 5 6 7 8 9 10 11", "A deadline can have at most 10 reminders.")]
    public void Impossible_reminders_are_refused_with_a_reason(string text, string expected)
    {
        var (days, error) = DeadlineRules.ParseReminderDays(text);

        Assert.Null(days);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Fatal_deadlines_remind_earlier_and_more_often_than_internal_ones()
    {
        Assert.Equal([14, 7, 3, 1], DeadlineRules.DefaultReminderDays(DeadlineKind.Fatal));
        Assert.Equal([3, 1], DeadlineRules.DefaultReminderDays(DeadlineKind.Internal));
    }

    [Fact]
    public void Changing_a_fatal_deadline_needs_a_reason_an_internal_one_does_not()
    {
        Assert.NotNull(DeadlineRules.ReasonRefusal(DeadlineKind.Fatal, " "));
        Assert.Null(DeadlineRules.ReasonRefusal(DeadlineKind.Fatal, "Vonnis later betekend"));
        Assert.Null(DeadlineRules.ReasonRefusal(DeadlineKind.Internal, null));
        Assert.NotNull(DeadlineRules.ReasonRefusal(DeadlineKind.Internal, new string('x', 501)));
    }

    [Fact]
    public void A_new_firm_starts_with_the_common_limits_and_each_can_be_counted()
    {
        var rules = DeadlineRules.StartingRules();

        Assert.Equal(["Hoger beroep", "Cassatie", "Bezwaar", "Beroep", "Verzet tegen verstekvonnis"], rules.Select(r => r.Name));
        Assert.All(rules, r => Assert.Null(r.Period.Refusal()));
        Assert.NotSame(rules[0], DeadlineRules.StartingRules()[0]);
    }
}
