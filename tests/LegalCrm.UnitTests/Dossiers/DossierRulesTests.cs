using LegalCrm.Web.Features.Dossiers;

namespace LegalCrm.UnitTests.Dossiers;

public sealed class DossierRulesTests
{
    [Theory]
    [InlineData("{YYYY}-{NNNN}", 2026, 42, "2026-0042")]
    [InlineData("{YY}.{NNN}", 2026, 7, "26.007")]
    [InlineData("D{YYYY}/{NNNNN}", 2027, 12345, "D2027/12345")]
    [InlineData("{YYYY}-{NN}", 2026, 1234, "2026-1234")]
    public void Numbers_follow_the_firm_pattern(string pattern, int year, long sequence, string expected) =>
        Assert.Equal(expected, DossierNumberFormat.Format(pattern, year, sequence));

    [Theory]
    [InlineData("{YYYY}-{NNNN}", true)]
    [InlineData("{YYYY}", false)]
    [InlineData("{NNNN}-{NNNN}", false)]
    [InlineData("{YYYY}<script>{NNNN}", false)]
    [InlineData("", false)]
    public void Only_patterns_with_one_sequence_and_plain_characters_are_valid(string pattern, bool valid) =>
        Assert.Equal(valid, DossierNumberFormat.IsValid(pattern));

    [Fact]
    public void The_sequence_restarts_every_year() =>
        Assert.NotEqual(DossierNumberFormat.SequenceName(2026), DossierNumberFormat.SequenceName(2027));

    [Fact]
    public void An_intake_opens_only_after_a_cleared_conflict_check()
    {
        Assert.NotNull(DossierLifecycle.Refusal(DossierStatus.Intake, DossierStatus.Open, null, conflictCleared: false));
        Assert.Null(DossierLifecycle.Refusal(DossierStatus.Intake, DossierStatus.Open, null, conflictCleared: true));
    }

    [Theory]
    [InlineData(DossierStatus.Closed, DossierStatus.Open)]
    [InlineData(DossierStatus.Intake, DossierStatus.Closed)]
    public void Reopening_and_declining_an_intake_need_a_reason(DossierStatus from, DossierStatus to)
    {
        Assert.Equal("Give the reason for this step.", DossierLifecycle.Refusal(from, to, " ", conflictCleared: true));
        Assert.Null(DossierLifecycle.Refusal(from, to, "Cliënt gaat in hoger beroep", conflictCleared: true));
    }

    [Theory]
    [InlineData(DossierStatus.Open, DossierStatus.Archived)]
    [InlineData(DossierStatus.Archived, DossierStatus.Open)]
    [InlineData(DossierStatus.Intake, DossierStatus.Archived)]
    public void Steps_outside_the_lifecycle_are_refused(DossierStatus from, DossierStatus to) =>
        Assert.Equal("This step is not possible from the dossier's current status.", DossierLifecycle.Refusal(from, to, "reden", conflictCleared: true));

    [Fact]
    public void Closed_and_archived_dossiers_are_read_only()
    {
        Assert.False(DossierLifecycle.IsReadOnly(DossierStatus.Open));
        Assert.True(DossierLifecycle.IsReadOnly(DossierStatus.Closed));
        Assert.True(DossierLifecycle.IsReadOnly(DossierStatus.Archived));
    }
}

public sealed class PartyRoleChoiceTests
{
    private static readonly string[] FirmRoles = ["Curator", "Mediator"];

    [Theory]
    [InlineData("OpposingParty", PartyRole.OpposingParty, null)]
    [InlineData("Other", PartyRole.Other, null)]
    [InlineData("Other:Curator", PartyRole.Other, "Curator")]
    public void A_built_in_or_firm_role_is_accepted(string value, PartyRole role, string? label) =>
        Assert.Equal((role, label), PartyRoleChoice.Parse(value, FirmRoles));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("99")]
    [InlineData("opposingparty")]
    [InlineData("Other:Getuige")]
    [InlineData("Other:curator")]
    public void Anything_else_is_refused(string? value) =>
        Assert.Null(PartyRoleChoice.Parse(value, FirmRoles));
}
