using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Privacy;

namespace LegalCrm.UnitTests.Privacy;

public sealed class RegisterCompletenessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_empty_activity_lacks_every_item_of_article_30_in_the_order_of_the_article()
    {
        var gaps = RegisterCompleteness.Gaps(new ProcessingActivity { Name = "Nieuw" });

        Assert.Equal(
        [
            "Purposes (art. 30(1)(b))", "Lawful basis (art. 6(1))", "Categories of data subjects (art. 30(1)(c))",
            "Categories of personal data (art. 30(1)(c))", "Recipients (art. 30(1)(d))", "Erasure time limit (art. 30(1)(f))",
            "Security measures (art. 30(1)(g))",
        ], gaps);
    }

    [Fact]
    public void The_starting_register_is_complete_so_a_new_firm_only_adds_its_own_details()
    {
        Assert.All(StartingRegister.Activities(Now), a => Assert.Empty(RegisterCompleteness.Gaps(a)));
        Assert.Equal(6, StartingRegister.Activities(Now).Select(a => a.Name).Distinct().Count());
        Assert.NotEmpty(RegisterCompleteness.Gaps((RegisterDetails?)null));
        Assert.NotEmpty(RegisterCompleteness.Gaps(new RegisterDetails { ProtectionOfficerName = "P. Rivacy" }));
        Assert.Empty(RegisterCompleteness.Gaps(new RegisterDetails { ControllerContact = "Keizersgracht 1, Amsterdam" }));
    }

    [Theory]
    [InlineData(LawfulBasis.LegitimateInterests, null, true)]
    [InlineData(LawfulBasis.LegalObligation, "  ", true)]
    [InlineData(LawfulBasis.LegalObligation, "art. 33 Wwft", false)]
    [InlineData(LawfulBasis.Consent, null, false)]
    [InlineData(LawfulBasis.Contract, null, false)]
    public void A_legal_obligation_or_legitimate_interest_must_say_which(LawfulBasis basis, string? explanation, bool lacking)
    {
        var activity = Complete();
        activity.LawfulBasis = basis;
        activity.LawfulBasisExplanation = explanation;

        Assert.Equal(lacking, RegisterCompleteness.Gaps(activity).Contains("Which obligation or interest the basis rests on"));
    }

    [Fact]
    public void A_transfer_outside_the_EEA_needs_both_its_destination_and_its_safeguard()
    {
        var safeguardOnly = Complete();
        safeguardOnly.TransferSafeguard = TransferSafeguard.StandardContractualClauses;
        var destinationOnly = Complete();
        destinationOnly.ThirdCountryTransfers = "Dienstverlener in de Verenigde Staten";
        var both = Complete();
        (both.TransferSafeguard, both.ThirdCountryTransfers) = (TransferSafeguard.AdequacyDecision, "Verenigd Koninkrijk");

        Assert.Equal(["Where data goes outside the EEA (art. 30(1)(e))"], RegisterCompleteness.Gaps(safeguardOnly));
        Assert.Equal(["The safeguard for the transfer outside the EEA (art. 30(1)(e), art. 45/46/49)"], RegisterCompleteness.Gaps(destinationOnly));
        Assert.Empty(RegisterCompleteness.Gaps(both));
    }

    [Fact]
    public void An_ended_activity_needs_its_end_date()
    {
        var ended = Complete();
        ended.Status = ActivityStatus.Ended;

        Assert.Equal(["The date the activity ended"], RegisterCompleteness.Gaps(ended));
        ended.EndedOn = new DateOnly(2026, 6, 30);
        Assert.Empty(RegisterCompleteness.Gaps(ended));
    }

    private static ProcessingActivity Complete() => StartingRegister.Activities(Now).Single(a => a.Name == "Conflictcheck");
}
