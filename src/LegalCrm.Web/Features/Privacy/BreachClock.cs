namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// The 72-hour clock of art. 33(1) AVG: a breach is notified to the Autoriteit Persoonsgegevens without undue delay and
/// within 72 hours of the firm becoming aware of it, unless it is unlikely to result in a risk to people; a later
/// notification states the reasons for the delay. The clock stops when the notification is recorded or the decision
/// not to notify is documented (art. 33(5)). The rules return English resource keys, or null when all is well.
/// </summary>
public static class BreachClock
{
    public static readonly TimeSpan Limit = TimeSpan.FromHours(72);

    /// <summary>The hours after becoming aware at which the officer and the admins are alerted.</summary>
    public static readonly IReadOnlyList<int> AlertHours = [24, 48, 60, 72];

    public static DateTimeOffset Deadline(DateTimeOffset discoveredAt) => discoveredAt + Limit;

    /// <summary>True while nobody has notified the AP or documented the decision not to.</summary>
    public static bool IsRunning(Breach b) =>
        b.Status == BreachStatus.Open && b.AuthorityNotifiedAt is null && b.AuthorityDecision != AuthorityDecision.DoNotNotify;

    /// <summary>Time left until the 72 hours are up (negative once they are).</summary>
    public static TimeSpan Left(DateTimeOffset discoveredAt, DateTimeOffset now) => Deadline(discoveredAt) - now;

    /// <summary>The latest alert moment that has come (24, 48, 60 or 72), or null before the first.</summary>
    public static int? AlertDue(DateTimeOffset discoveredAt, DateTimeOffset now)
    {
        int? due = null;
        foreach (var hours in AlertHours)
        {
            if (now >= discoveredAt.AddHours(hours))
            {
                due = hours;
            }
        }

        return due;
    }

    public static string? TimelineRefusal(DateTimeOffset discoveredAt, DateTimeOffset? startedAt, bool ongoing, DateTimeOffset? endedAt, DateTimeOffset now)
    {
        if (discoveredAt > now)
        {
            return "The moment the firm became aware of the breach cannot lie in the future.";
        }

        if (startedAt > discoveredAt)
        {
            return "A breach cannot have started after the firm became aware of it.";
        }

        if (ongoing && endedAt is not null)
        {
            return "An ongoing breach has no end yet: clear the end or untick 'ongoing'.";
        }

        return endedAt is { } ended && (ended > now || ended < startedAt)
            ? "The end of the breach must lie between its start and now."
            : null;
    }

    public static string? AuthorityRefusal(Breach b, DateTimeOffset now)
    {
        if (b.AuthorityDecision == AuthorityDecision.DoNotNotify)
        {
            if (b.Risk is BreachRisk.Risk or BreachRisk.High)
            {
                return "A breach that is likely to result in a risk to people must be notified to the AP (art. 33(1)).";
            }

            if (b.Risk == BreachRisk.Unassessed || string.IsNullOrWhiteSpace(b.AuthorityDecisionReasoning))
            {
                return "Not notifying the AP requires the risk assessment and the reasoning to be documented (art. 33(5)).";
            }
        }

        if (b.AuthorityNotifiedAt is not { } notified)
        {
            return null;
        }

        if (b.AuthorityDecision != AuthorityDecision.Notify)
        {
            return "Record the decision to notify before the notification itself.";
        }

        if (notified < b.DiscoveredAt || notified > now)
        {
            return "The notification must lie between the moment of becoming aware and now.";
        }

        return notified > Deadline(b.DiscoveredAt) && string.IsNullOrWhiteSpace(b.DelayReasons)
            ? "The AP was notified more than 72 hours after the firm became aware: give the reasons for the delay (art. 33(1))."
            : null;
    }

    public static string? SubjectsRefusal(Breach b, DateTimeOffset now)
    {
        if (b.SubjectsDecision == SubjectsDecision.DoNotInform)
        {
            if (b.Risk == BreachRisk.High && b.SubjectsExemption == SubjectsExemption.None)
            {
                return "People must be told of a high-risk breach (art. 34(1)) unless one of the grounds of art. 34(3) applies: choose it.";
            }

            if (string.IsNullOrWhiteSpace(b.SubjectsDecisionReasoning))
            {
                return "Give the reasoning for not informing the people concerned.";
            }
        }

        if (b.SubjectsInformedAt is { } informed)
        {
            if (b.SubjectsDecision != SubjectsDecision.Inform)
            {
                return "Record the decision to inform the people concerned before the moment they were told.";
            }

            if (informed < b.DiscoveredAt || informed > now)
            {
                return "People cannot have been told before the breach was discovered or after now.";
            }

            if (string.IsNullOrWhiteSpace(b.SubjectsMessage))
            {
                return "Keep the message the people concerned were sent.";
            }
        }

        return null;
    }

    /// <summary>What must be settled before a breach is closed: both decisions, and the AP notified when it was decided to.</summary>
    public static string? ClosingRefusal(Breach b)
    {
        if (b.Risk == BreachRisk.Unassessed || b.AuthorityDecision == AuthorityDecision.Undecided || b.SubjectsDecision == SubjectsDecision.Undecided)
        {
            return "Assess the risk and decide about the AP and the people concerned before closing the breach.";
        }

        if (b.AuthorityDecision == AuthorityDecision.Notify && b.AuthorityNotifiedAt is null)
        {
            return "Record the notification to the AP before closing the breach.";
        }

        return b.SubjectsDecision == SubjectsDecision.Inform && b.SubjectsInformedAt is null
            ? "Record when the people concerned were told before closing the breach."
            : null;
    }
}
