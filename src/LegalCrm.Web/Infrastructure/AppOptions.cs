namespace LegalCrm.Web.Infrastructure;

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address users reach the app at; used in links sent by e-mail.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";
}
