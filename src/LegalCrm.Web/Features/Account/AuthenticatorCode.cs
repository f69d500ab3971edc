namespace LegalCrm.Web.Features.Account;

/// <summary>Authenticator apps show codes as "123 456" or "123-456"; people type them that way.</summary>
public static class AuthenticatorCode
{
    public static string Normalize(string code) =>
        code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
}
