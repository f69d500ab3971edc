using System.Globalization;

namespace LegalCrm.Web.Features.Documents;

public static class FileSize
{
    /// <summary>"850 B", "12 KB", "3,4 MB" (decimal separator of the culture).</summary>
    public static string Format(long bytes, CultureInfo culture) => bytes switch
    {
        < 1024 => string.Create(culture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(culture, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(culture, $"{bytes / 1024.0 / 1024.0:0.0} MB"),
    };
}
