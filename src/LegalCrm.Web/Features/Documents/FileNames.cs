using System.Text;

namespace LegalCrm.Web.Features.Documents;

/// <summary>
/// Turns a name from the browser into one safe to store and to send back in a Content-Disposition header: no folders
/// (a name like <c>..\..\boot.ini</c> keeps only <c>boot.ini</c>), no control or reserved characters, no leading dots,
/// at most <see cref="MaxLength"/> characters with the extension kept.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 200;

    private const string Reserved = "<>:\"/\\|?*";

    public static string Sanitise(string? name)
    {
        var lastPart = (name ?? string.Empty).Replace('\\', '/').Split('/').Last();
        var builder = new StringBuilder(lastPart.Length);
        foreach (var c in lastPart.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsControl(c) || Reserved.Contains(c, StringComparison.Ordinal) || char.IsSurrogate(c) ? '_' : c);
        }

        var clean = builder.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        if (clean.Length == 0 || string.IsNullOrWhiteSpace(Path.GetFileNameWithoutExtension(clean)))
        {
            clean = "document" + Path.GetExtension(clean);
        }

        if (clean.Length > MaxLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length > 20 ? string.Empty : extension;
            clean = clean[..(MaxLength - extension.Length)].TrimEnd() + extension;
        }

        return clean;
    }

    /// <summary>A title to start from: the name without its extension.</summary>
    public static string TitleFrom(string sanitisedName)
    {
        var title = Path.GetFileNameWithoutExtension(sanitisedName).Replace('_', ' ').Trim();
        return title.Length == 0 ? sanitisedName : title;
    }
}
