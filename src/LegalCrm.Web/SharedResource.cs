namespace LegalCrm.Web;

/// <summary>
/// The app's texts. Keys are the English text (or, for long texts, a short English name); Resources/SharedResource.nl.resx
/// holds the Dutch, and Resources/SharedResource.en.resx only the English of named keys. A unit test checks that every
/// key used has its translations.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>.
public sealed class SharedResource;
#pragma warning restore CA1052
