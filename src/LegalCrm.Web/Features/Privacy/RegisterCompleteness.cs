using LegalCrm.Web.Features.Clients;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// What an entry of the register still lacks of AVG art. 30(1) (and the lawful basis of art. 6 that Dutch practice
/// adds): English resource keys, in the order of the article. The supervisor may ask for the register at any moment
/// (art. 30(4)), so gaps are listed, not blocked: an officer fills the register in over time.
/// </summary>
public static class RegisterCompleteness
{
    public static IReadOnlyList<string> Gaps(ProcessingActivity a)
    {
        var gaps = new List<string>();
        if (IsBlank(a.Purposes))
        {
            gaps.Add("Purposes (art. 30(1)(b))");
        }

        if (a.LawfulBasis is null)
        {
            gaps.Add("Lawful basis (art. 6(1))");
        }
        else if (a.LawfulBasis is LawfulBasis.LegalObligation or LawfulBasis.LegitimateInterests && IsBlank(a.LawfulBasisExplanation))
        {
            // Which obligation, or which interest was weighed: without it the basis cannot be checked (art. 6(1)(c)/(f)).
            gaps.Add("Which obligation or interest the basis rests on");
        }

        if (IsBlank(a.DataSubjectCategories))
        {
            gaps.Add("Categories of data subjects (art. 30(1)(c))");
        }

        if (IsBlank(a.PersonalDataCategories))
        {
            gaps.Add("Categories of personal data (art. 30(1)(c))");
        }

        if (IsBlank(a.Recipients))
        {
            gaps.Add("Recipients (art. 30(1)(d))");
        }

        if (a.TransferSafeguard != TransferSafeguard.NoTransfer && IsBlank(a.ThirdCountryTransfers))
        {
            gaps.Add("Where data goes outside the EEA (art. 30(1)(e))");
        }
        else if (a.TransferSafeguard == TransferSafeguard.NoTransfer && !IsBlank(a.ThirdCountryTransfers))
        {
            gaps.Add("The safeguard for the transfer outside the EEA (art. 30(1)(e), art. 45/46/49)");
        }

        if (IsBlank(a.RetentionPeriod))
        {
            gaps.Add("Erasure time limit (art. 30(1)(f))");
        }

        if (IsBlank(a.SecurityMeasures))
        {
            gaps.Add("Security measures (art. 30(1)(g))");
        }

        if (a.Status == ActivityStatus.Ended && a.EndedOn is null)
        {
            gaps.Add("The date the activity ended");
        }

        return gaps;
    }

    /// <summary>What the firm's own part (art. 30(1)(a)) lacks: the controller's contact details.</summary>
    public static IReadOnlyList<string> Gaps(RegisterDetails? details) =>
        details is null || IsBlank(details.ControllerContact) ? ["The firm's contact details as controller (art. 30(1)(a))"] : [];

    private static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);
}

/// <summary>How long the register's texts may be (the database and the form check the same numbers).</summary>
public static class ProcessingRegisterLimits
{
    public const int ShortText = 1000;

    public const int LongText = 4000;
}
