using LegalCrm.Web.Features.Privacy;

namespace LegalCrm.UnitTests.Privacy;

public sealed class BreachClockTests
{
    private static readonly DateTimeOffset Aware = new(2026, 3, 27, 15, 30, 0, TimeSpan.Zero);

    private static Breach Breach(Action<Breach>? change = null)
    {
        var b = new Breach { DiscoveredAt = Aware, Title = "Verkeerd geadresseerde e-mail", Confidentiality = true };
        change?.Invoke(b);
        return b;
    }

    [Fact]
    public void The_deadline_is_72_hours_after_becoming_aware_regardless_of_weekends_and_clock_changes()
    {
        // 27 March 2026 is a Friday and the clocks go forward that Sunday: the 72 hours are hours, not working days.
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 15, 30, 0, TimeSpan.Zero), BreachClock.Deadline(Aware));
        Assert.Equal(TimeSpan.FromHours(1), BreachClock.Left(Aware, Aware.AddHours(71)));
        Assert.Equal(TimeSpan.FromHours(-2), BreachClock.Left(Aware, Aware.AddHours(74)));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(23.99, null)]
    [InlineData(24, 24)]
    [InlineData(47.5, 24)]
    [InlineData(48, 48)]
    [InlineData(59, 48)]
    [InlineData(60, 60)]
    [InlineData(71.9, 60)]
    [InlineData(72, 72)]
    [InlineData(200, 72)]
    public void The_alert_due_is_the_latest_of_24_48_60_and_72_hours_that_has_come(double hoursSinceAware, int? expected) =>
        Assert.Equal(expected, BreachClock.AlertDue(Aware, Aware.AddHours(hoursSinceAware)));

    [Fact]
    public void The_clock_stops_when_the_AP_is_notified_or_not_notifying_is_decided_or_the_breach_is_closed()
    {
        Assert.True(BreachClock.IsRunning(Breach()));
        Assert.True(BreachClock.IsRunning(Breach(b => b.AuthorityDecision = AuthorityDecision.Notify)));
        Assert.False(BreachClock.IsRunning(Breach(b => b.AuthorityNotifiedAt = Aware.AddHours(5))));
        Assert.False(BreachClock.IsRunning(Breach(b => b.AuthorityDecision = AuthorityDecision.DoNotNotify)));
        Assert.False(BreachClock.IsRunning(Breach(b => b.Status = BreachStatus.Closed)));
    }

    [Fact]
    public void The_moment_of_awareness_cannot_lie_in_the_future_nor_the_start_after_it()
    {
        var now = Aware.AddHours(1);
        Assert.Null(BreachClock.TimelineRefusal(Aware, Aware.AddDays(-3), ongoing: true, endedAt: null, now));
        Assert.Equal("The moment the firm became aware of the breach cannot lie in the future.", BreachClock.TimelineRefusal(now.AddMinutes(1), null, true, null, now));
        Assert.Equal("A breach cannot have started after the firm became aware of it.", BreachClock.TimelineRefusal(Aware, Aware.AddMinutes(1), true, null, now));
        Assert.Equal("An ongoing breach has no end yet: clear the end or untick 'ongoing'.", BreachClock.TimelineRefusal(Aware, null, true, Aware, now));
        Assert.Equal("The end of the breach must lie between its start and now.", BreachClock.TimelineRefusal(Aware, Aware.AddDays(-1), false, Aware.AddDays(-2), now));
        Assert.Null(BreachClock.TimelineRefusal(Aware, Aware.AddDays(-1), false, Aware.AddHours(-2), now));
    }

    [Fact]
    public void Not_notifying_is_only_for_a_breach_assessed_as_without_risk_with_the_reasoning_documented()
    {
        var now = Aware.AddHours(10);
        Assert.Equal("A breach that is likely to result in a risk to people must be notified to the AP (art. 33(1)).",
            BreachClock.AuthorityRefusal(Breach(b => { b.AuthorityDecision = AuthorityDecision.DoNotNotify; b.Risk = BreachRisk.Risk; b.AuthorityDecisionReasoning = "Klein"; }), now));
        Assert.Equal("Not notifying the AP requires the risk assessment and the reasoning to be documented (art. 33(5)).",
            BreachClock.AuthorityRefusal(Breach(b => { b.AuthorityDecision = AuthorityDecision.DoNotNotify; b.Risk = BreachRisk.None; }), now));
        Assert.Equal("Not notifying the AP requires the risk assessment and the reasoning to be documented (art. 33(5)).",
            BreachClock.AuthorityRefusal(Breach(b => { b.AuthorityDecision = AuthorityDecision.DoNotNotify; b.AuthorityDecisionReasoning = "Versleuteld"; }), now));
        Assert.Null(BreachClock.AuthorityRefusal(Breach(b => { b.AuthorityDecision = AuthorityDecision.DoNotNotify; b.Risk = BreachRisk.None; b.AuthorityDecisionReasoning = "Laptop volledig versleuteld"; }), now));
    }

    [Fact]
    public void A_notification_after_72_hours_needs_the_reasons_for_the_delay()
    {
        var now = Aware.AddDays(5);
        Breach Notified(double hours, string? reasons = null) => Breach(b =>
        {
            b.AuthorityDecision = AuthorityDecision.Notify;
            b.AuthorityNotifiedAt = Aware.AddHours(hours);
            b.DelayReasons = reasons;
        });

        Assert.Null(BreachClock.AuthorityRefusal(Notified(72), now));
        Assert.Equal("The AP was notified more than 72 hours after the firm became aware: give the reasons for the delay (art. 33(1)).",
            BreachClock.AuthorityRefusal(Notified(72.1), now));
        Assert.Null(BreachClock.AuthorityRefusal(Notified(80, "Omvang eerst onbekend; forensisch onderzoek liep"), now));
        Assert.Equal("The notification must lie between the moment of becoming aware and now.", BreachClock.AuthorityRefusal(Notified(-1), now));
        Assert.Equal("The notification must lie between the moment of becoming aware and now.", BreachClock.AuthorityRefusal(Notified(24 * 6), now));
        Assert.Equal("Record the decision to notify before the notification itself.",
            BreachClock.AuthorityRefusal(Breach(b => b.AuthorityNotifiedAt = Aware.AddHours(2)), now));
    }

    [Fact]
    public void People_are_told_of_a_high_risk_breach_unless_a_ground_of_article_34_3_applies()
    {
        var now = Aware.AddDays(2);
        Assert.Equal("People must be told of a high-risk breach (art. 34(1)) unless one of the grounds of art. 34(3) applies: choose it.",
            BreachClock.SubjectsRefusal(Breach(b => { b.Risk = BreachRisk.High; b.SubjectsDecision = SubjectsDecision.DoNotInform; b.SubjectsDecisionReasoning = "Te veel werk"; }), now));
        Assert.Null(BreachClock.SubjectsRefusal(Breach(b =>
        {
            b.Risk = BreachRisk.High;
            b.SubjectsDecision = SubjectsDecision.DoNotInform;
            b.SubjectsExemption = SubjectsExemption.Unintelligible;
            b.SubjectsDecisionReasoning = "De gestolen schijf was met BitLocker versleuteld; de sleutel is niet buitgemaakt.";
        }), now));
        Assert.Equal("Give the reasoning for not informing the people concerned.",
            BreachClock.SubjectsRefusal(Breach(b => { b.Risk = BreachRisk.Risk; b.SubjectsDecision = SubjectsDecision.DoNotInform; }), now));
        Assert.Equal("Keep the message the people concerned were sent.",
            BreachClock.SubjectsRefusal(Breach(b => { b.SubjectsDecision = SubjectsDecision.Inform; b.SubjectsInformedAt = Aware.AddHours(30); }), now));
        Assert.Equal("Record the decision to inform the people concerned before the moment they were told.",
            BreachClock.SubjectsRefusal(Breach(b => { b.SubjectsInformedAt = Aware.AddHours(30); b.SubjectsMessage = "Geachte heer, mevrouw"; }), now));
    }

    [Fact]
    public void A_breach_is_closed_only_when_the_risk_and_both_decisions_are_settled_and_carried_out()
    {
        const string undecided = "Assess the risk and decide about the AP and the people concerned before closing the breach.";
        Assert.Equal(undecided, BreachClock.ClosingRefusal(Breach()));
        Assert.Equal(undecided, BreachClock.ClosingRefusal(Breach(b => { b.Risk = BreachRisk.None; b.AuthorityDecision = AuthorityDecision.DoNotNotify; })));
        Assert.Equal("Record the notification to the AP before closing the breach.", BreachClock.ClosingRefusal(Breach(b =>
        {
            b.Risk = BreachRisk.High;
            b.AuthorityDecision = AuthorityDecision.Notify;
            b.SubjectsDecision = SubjectsDecision.Inform;
        })));
        Assert.Equal("Record when the people concerned were told before closing the breach.", BreachClock.ClosingRefusal(Breach(b =>
        {
            b.Risk = BreachRisk.High;
            b.AuthorityDecision = AuthorityDecision.Notify;
            b.AuthorityNotifiedAt = Aware.AddHours(20);
            b.SubjectsDecision = SubjectsDecision.Inform;
        })));
        Assert.Null(BreachClock.ClosingRefusal(Breach(b =>
        {
            b.Risk = BreachRisk.None;
            b.AuthorityDecision = AuthorityDecision.DoNotNotify;
            b.SubjectsDecision = SubjectsDecision.DoNotInform;
        })));
    }
}
