using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// Refuses passwords that are easy to guess (NIST SP 800-63B 3.1.1.2, ASVS V6): common passwords and words from the
/// lists shipped with zxcvbn (30,000 leaked passwords, names, English words), Dutch words people use in passwords, the
/// firm's profession, and the person's own name and e-mail address — alone or strung together with digits,
/// dates, keyboard walks or repeats. No network: everything is in the app.
/// </summary>
public sealed class GuessablePasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<CrmUser>
{
    /// <summary>zxcvbn's score 3: about 10^8 guesses or more (safe against online guessing and slowed offline attack).</summary>
    public const int MinimumScore = 3;

    /// <summary>Dutch and legal words the English lists do not know, as people use them in passwords.</summary>
    public static readonly IReadOnlyList<string> DutchWords =
    [
        "wachtwoord", "welkom", "welkom01", "geheim", "nederland", "holland", "amsterdam", "rotterdam", "utrecht", "denhaag",
        "eindhoven", "groningen", "ajax", "feyenoord", "psv", "oranje", "zomer", "winter", "lente", "herfst", "maandag",
        "vrijdag", "januari", "december", "liefde", "schatje", "konijn", "voetbal", "kantoor", "advocaat", "advocaten",
        "advocatuur", "advocatenkantoor", "juridisch", "rechtbank", "notaris", "dossier", "client", "cliënt", "recht",
        "legalcrm", "inloggen", "wijzigen", "veranderen", "beginnen", "nieuw", "wachtwoord01", "qwerty", "azerty",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<CrmUser> manager, CrmUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var score = Score(password, PersonalWords(user));
        return Task.FromResult(score >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordGuessable",
                Description = l["This password is too easy to guess: it is, or is made of, a common password, word, name or pattern. A few unrelated words make a strong password that is easy to remember."],
            }));
    }

    public static int Score(string password, IEnumerable<string> personalWords) =>
        Zxcvbn.Zxcvbn.MatchPassword(password, DutchWords.Concat(personalWords)).Score;

    /// <summary>The parts of the person's name and e-mail address (three letters or more).</summary>
    public static IEnumerable<string> PersonalWords(CrmUser user) =>
        new[] { user.DisplayName, user.Email, user.UserName }
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .SelectMany(s => s!.ToLowerInvariant().Split([' ', '.', '@', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3)
            .Distinct();
}
