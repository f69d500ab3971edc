using System.Globalization;

namespace LegalCrm.Web.Infrastructure.Localization;

/// <summary>
/// Writes a message in its recipient's language, not the sender's: switches the current culture until disposed.
/// <c>using var _ = new RecipientCulture(user.PreferredCulture);</c>
/// </summary>
public sealed class RecipientCulture : IDisposable
{
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    public RecipientCulture(string culture)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        CultureInfo.CurrentCulture = _culture;
    }
}
