using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Infrastructure.Localization;

/// <summary>Identity's messages (password rules, duplicate address, invalid token) in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["The password must be at least {0} characters long.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), l["The password must contain at least {0} different characters.", uniqueChars]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["The e-mail address {0} is already in use.", email]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["The e-mail address {0} is already in use.", userName]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["{0} is not a valid e-mail address.", email ?? string.Empty]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["This link is invalid or has expired. Ask for a new one."]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["The current password is not correct."]);

    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Something went wrong. Please try again."]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), l["Someone else changed this account at the same time. Reload the page and try again."]);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), l["This account already has a password."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
