using System.Reflection;
using PdfSharp.Fonts;

namespace LegalCrm.Web.Infrastructure.Pdf;

/// <summary>
/// The fonts every PDF uses, shipped inside the app (DejaVu Sans, free licence in Fonts/LICENSE-DejaVu.txt) so output
/// is the same on every machine and does not depend on fonts installed on the server.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();

    /// <summary>PDFsharp keeps one resolver per process and refuses a second; every PDF writer calls this first.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // One family for everything; italic is simulated by PDFsharp.
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"LegalCrm.Web.Infrastructure.Pdf.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
