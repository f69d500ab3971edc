using LegalCrm.Web.Features.Privacy;

namespace LegalCrm.UnitTests.Privacy;

public sealed class PrivacyRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void A_processor_lacks_its_agreement_its_activities_and_its_review_date_until_they_are_given()
    {
        var processor = new Processor { Name = "Mailhost B.V." };
        Assert.Equal(["No processing agreement (art. 28(3))", "Not linked to an activity of the register", "No review date"], PrivacyRules.Gaps(processor));

        processor.AgreementSignedOn = new DateOnly(2025, 3, 1);
        processor.ActivityIds = [Guid.NewGuid()];
        processor.NextReviewOn = new DateOnly(2027, 3, 1);
        Assert.Empty(PrivacyRules.Gaps(processor));
    }

    [Theory]
    [InlineData("2026-11-28", true)]
    [InlineData("2026-12-29", true)]
    [InlineData("2026-12-30", false)]
    public void A_review_within_thirty_days_or_past_is_due(string review, bool due) =>
        Assert.Equal(due, PrivacyRules.ReviewDue(new Processor { NextReviewOn = DateOnly.Parse(review, System.Globalization.CultureInfo.InvariantCulture) }, Today));

    [Fact]
    public void A_dpia_is_completed_only_with_the_four_parts_of_article_35_7_an_outcome_and_a_date()
    {
        var dpia = new Dpia { Status = DpiaStatus.InProgress, Description = "Camerabeelden" };
        Assert.Null(PrivacyRules.CompletionRefusal(dpia));

        dpia.Status = DpiaStatus.Completed;
        Assert.Equal("A completed DPIA describes the processing, its necessity, the risks and the measures (art. 35(7)).", PrivacyRules.CompletionRefusal(dpia));

        (dpia.NecessityAndProportionality, dpia.Risks, dpia.Measures) = ("Nodig voor beveiliging", "Inbreuk op privacy", "Korte bewaartermijn");
        Assert.Equal("Choose the outcome of the completed DPIA.", PrivacyRules.CompletionRefusal(dpia));

        dpia.Outcome = DpiaOutcome.AcceptableRisk;
        Assert.Equal("Enter the date the DPIA was completed.", PrivacyRules.CompletionRefusal(dpia));

        dpia.CompletedOn = Today;
        Assert.Null(PrivacyRules.CompletionRefusal(dpia));
    }
}
