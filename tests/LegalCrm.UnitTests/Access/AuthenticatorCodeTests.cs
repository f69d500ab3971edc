using LegalCrm.Web.Features.Account;

namespace LegalCrm.UnitTests.Access;

public sealed class AuthenticatorCodeTests
{
    [Theory]
    [InlineData("123456", "123456")]
    [InlineData("123 456", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData(" 12 34 56 ", "123456")]
    public void Codes_are_read_as_people_type_them(string typed, string expected) => Assert.Equal(expected, AuthenticatorCode.Normalize(typed));
}
