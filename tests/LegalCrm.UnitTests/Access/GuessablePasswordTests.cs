using LegalCrm.Web.Features.Access;

namespace LegalCrm.UnitTests.Access;

public sealed class GuessablePasswordTests
{
    private static readonly CrmUser Anna = new() { DisplayName = "Anna de Vries", Email = "anna.devries@vandijk-advocaten.nl", UserName = "anna.devries@vandijk-advocaten.nl" };

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234!")]
    [InlineData("qwertyuiop12")]
    [InlineData("123456789012")]
    [InlineData("iloveyou1234")]
    [InlineData("Wachtwoord123")]
    [InlineData("Welkom01welkom")]
    [InlineData("Advocaat2026!")]
    [InlineData("Feyenoord1908")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcdefghijkl")]
    public void Common_passwords_words_and_patterns_are_refused(string password) =>
        Assert.True(GuessablePasswordValidator.Score(password, []) < GuessablePasswordValidator.MinimumScore, password);

    [Theory]
    [InlineData("AnnaDeVries2026")]
    [InlineData("devries-vandijk-1")]
    public void The_persons_own_name_and_address_do_not_make_a_password(string password) =>
        Assert.True(GuessablePasswordValidator.Score(password, GuessablePasswordValidator.PersonalWords(Anna)) < GuessablePasswordValidator.MinimumScore, password);

    [Theory]
    [InlineData("Correct-horse-battery-9")]
    [InlineData("Demo-wachtwoord-2026")]
    [InlineData("fiets paraplu kachel wolk")]
    [InlineData("v7#Lq2!xRm9zT")]
    public void Long_unrelated_words_or_random_characters_are_accepted(string password) =>
        Assert.True(GuessablePasswordValidator.Score(password, GuessablePasswordValidator.PersonalWords(Anna)) >= GuessablePasswordValidator.MinimumScore, password);
}
