namespace LegalCrm.Web.Features.Shared;

/// <summary>LIKE/ILIKE patterns from what a user typed: their % and _ are searched for, not wildcards.</summary>
public static class LikePattern
{
    /// <summary>"%text%" with \, % and _ escaped (PostgreSQL's default escape character is the backslash).</summary>
    public static string Containing(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
