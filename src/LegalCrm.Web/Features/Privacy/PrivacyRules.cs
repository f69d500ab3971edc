namespace LegalCrm.Web.Features.Privacy;

/// <summary>What processors and DPIAs still lack, and when a DPIA may be called completed (English resource keys).</summary>
public static class PrivacyRules
{
    /// <summary>Reviews due within this many days are shown as due.</summary>
    public const int ReviewSoonDays = 30;

    public static IReadOnlyList<string> Gaps(Processor p)
    {
        var gaps = new List<string>();
        if (p.AgreementSignedOn is null)
        {
            // Art. 28(3): processing by a processor is governed by a contract; without one it should not happen.
            gaps.Add("No processing agreement (art. 28(3))");
        }

        if (p.ActivityIds.Count == 0)
        {
            gaps.Add("Not linked to an activity of the register");
        }

        if (p.NextReviewOn is null)
        {
            gaps.Add("No review date");
        }

        return gaps;
    }

    public static bool ReviewDue(Processor p, DateOnly today) => p.NextReviewOn is { } review && review <= today.AddDays(ReviewSoonDays);

    /// <summary>
    /// Why a DPIA cannot be marked completed, or null: art. 35(7) requires all four parts, and a completed assessment
    /// has an outcome and a date.
    /// </summary>
    public static string? CompletionRefusal(Dpia d)
    {
        if (d.Status != DpiaStatus.Completed)
        {
            return null;
        }

        if (new[] { d.Description, d.NecessityAndProportionality, d.Risks, d.Measures }.Any(string.IsNullOrWhiteSpace))
        {
            return "A completed DPIA describes the processing, its necessity, the risks and the measures (art. 35(7)).";
        }

        if (d.Outcome == DpiaOutcome.Pending)
        {
            return "Choose the outcome of the completed DPIA.";
        }

        return d.CompletedOn is null ? "Enter the date the DPIA was completed." : null;
    }
}
