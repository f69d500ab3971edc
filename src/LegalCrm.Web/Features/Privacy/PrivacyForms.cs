using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>What the privacy forms share: free texts stored trimmed or not at all, checked against their limits.</summary>
public static class PrivacyForms
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Adds "at most N characters" to each field (as <c>Input.Field</c>) whose trimmed text is longer than its limit.</summary>
    public static void CheckLengths(ModelStateDictionary modelState, IStringLocalizer l, IEnumerable<(string Field, string? Text, int Max)> texts)
    {
        foreach (var (field, text, max) in texts)
        {
            if (text is { } value && value.Trim().Length > max)
            {
                modelState.AddModelError("Input." + field, l["At most {0} characters.", max]);
            }
        }
    }

    /// <summary>The register's activities by name, to link a processor or a DPIA to.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> ActivityNamesAsync(Data.CrmDbContext db) =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.ProcessingActivities.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name })))
        .Select(a => (a.Id, a.Name)).ToList();
}
