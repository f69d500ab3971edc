using LegalCrm.Web.Features.Clients;

namespace LegalCrm.UnitTests.Clients;

public sealed class ContactDetailsRulesTests
{
    [Theory]
    [InlineData("1234ab", "1234 AB")]
    [InlineData(" 1234 AB ", "1234 AB")]
    [InlineData("0123 AB", null)]
    [InlineData("1234 SS", null)]
    [InlineData("12345", null)]
    [InlineData("1234 A", null)]
    public void Dutch_postcodes_are_validated_and_written_as_1234_AB(string input, string? expected) =>
        Assert.Equal(expected, ContactDetailsRules.NormalizeDutchPostcode(input));

    [Theory]
    [InlineData("12345678", "12345678")]
    [InlineData("1234 5678", "12345678")]
    [InlineData("1234567", null)]
    [InlineData("123456789", null)]
    [InlineData("1234567a", null)]
    public void A_kvk_number_has_eight_digits(string input, string? expected) => Assert.Equal(expected, ContactDetailsRules.NormalizeKvk(input));

    [Theory]
    [InlineData("NL91ABNA0417164300", "NL91 ABNA 0417 1643 00")]
    [InlineData("nl91 abna 0417 1643 00", "NL91 ABNA 0417 1643 00")]
    [InlineData("DE89370400440532013000", "DE89 3704 0044 0532 0130 00")]
    [InlineData("NL92ABNA0417164300", null)]
    [InlineData("NL91", null)]
    public void An_iban_must_pass_the_mod_97_check(string input, string? expected) => Assert.Equal(expected, ContactDetailsRules.NormalizeIban(input));

    [Theory]
    [InlineData("06-12345678", "+31612345678")]
    [InlineData("+31 6 12345678", "+31612345678")]
    [InlineData("0031612345678", "+31612345678")]
    [InlineData("020 555 1234", "+31205551234")]
    [InlineData("+32 2 555 12 34", "+3225551234")]
    [InlineData("12345", null)]
    [InlineData("not a number", null)]
    public void Phone_numbers_in_any_format_become_e164(string input, string? expected) => Assert.Equal(expected, ContactDetailsRules.NormalizePhone(input));

    [Theory]
    [InlineData("+31612345678", "06 12345678")]
    [InlineData("+3225551234", "+32 2 555 12 34")]
    public void Dutch_numbers_are_shown_nationally_and_foreign_ones_internationally(string e164, string expected) =>
        Assert.Equal(expected, ContactDetailsRules.DisplayPhone(e164));
}
