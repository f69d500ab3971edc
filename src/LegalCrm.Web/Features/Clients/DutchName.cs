using System.Globalization;
using System.Text;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// Dutch name conventions: the particle (tussenvoegsel: "van", "van den", "de") is written lower case after initials
/// ("J. van den Berg"), capitalised at the start of a sort name ("Berg, J. van den"), and ignored for sorting ("Berg").
/// </summary>
public static class DutchName
{
    /// <summary>"J. van den Berg", or "Jan van den Berg" without initials.</summary>
    public static string Display(string? initials, string? firstName, string? particle, string lastName)
    {
        var given = !string.IsNullOrWhiteSpace(initials) ? NormalizeInitials(initials) : firstName?.Trim();
        return Join(given, particle?.Trim().ToLowerInvariant(), lastName.Trim());
    }

    /// <summary>"Berg, J. van den": the last name first, as in an index or a letter's address block.</summary>
    public static string Sorted(string? initials, string? firstName, string? particle, string lastName)
    {
        var given = !string.IsNullOrWhiteSpace(initials) ? NormalizeInitials(initials) : firstName?.Trim();
        var rest = Join(given, particle?.Trim().ToLowerInvariant());
        return rest.Length == 0 ? lastName.Trim() : $"{lastName.Trim()}, {rest}";
    }

    /// <summary>The key lists sort on: last name, then given name, without particle, case or accents ("berg j").</summary>
    public static string SortKey(string? initials, string? firstName, string lastName) =>
        Fold(Join(lastName, !string.IsNullOrWhiteSpace(firstName) ? firstName : initials));

    /// <summary>"j.h." or "J H" or "JH" become "J.H.".</summary>
    public static string NormalizeInitials(string initials)
    {
        var letters = initials.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray();
        return letters.Length == 0 ? string.Empty : string.Concat(letters.Select(c => c + "."));
    }

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "de", "den", "der", "het", "'t", "te", "ten", "ter", "in", "op", "aan", "bij", "uit", "onder", "voor", "over", "tot",
        "la", "le", "du", "des", "da", "di", "del", "della", "dos", "von", "zu", "vom", "zum", "'s", "d'", "l'",
    };

    /// <summary>
    /// "van den Berg" → ("van den", "Berg"): for files that put the particle in the last name. A name made of particles
    /// only ("Van") is left whole.
    /// </summary>
    public static (string? Particle, string LastName) SplitParticle(string lastName)
    {
        var words = lastName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var count = 0;
        while (count < words.Length - 1 && Particles.Contains(words[count]))
        {
            count++;
        }

        return count == 0
            ? (null, lastName.Trim())
            : (string.Join(' ', words[..count]).ToLowerInvariant(), string.Join(' ', words[count..]));
    }

    /// <summary>Lower case without diacritics ("Müller" → "muller"), for sorting and searching.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).Replace('ß', 's');
    }

    private static string Join(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
