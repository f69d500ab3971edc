namespace LegalCrm.Web.Features.Access;

/// <summary>The UI speaks Dutch by default and English on request.</summary>
public static class SupportedCultures
{
    public const string Dutch = "nl-NL";
    public const string English = "en-GB";
    public const string Default = Dutch;

    public static readonly IReadOnlyList<string> All = [Dutch, English];

    public static bool IsSupported(string? culture) => culture is not null && All.Contains(culture);
}
