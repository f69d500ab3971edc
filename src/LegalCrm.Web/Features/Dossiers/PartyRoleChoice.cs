namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// A party's role as chosen in a form: one of the built-in roles ("OpposingParty"), or one of the firm's own roles
/// ("Other:Curator"), stored as <see cref="PartyRole.Other"/> with that label.
/// </summary>
public static class PartyRoleChoice
{
    public const string OtherPrefix = "Other:";

    public static string Value(string firmRole) => OtherPrefix + firmRole;

    /// <summary>The role and label, or null when the value is neither a built-in role nor one of the firm's.</summary>
    public static (PartyRole Role, string? Label)? Parse(string? value, IReadOnlyCollection<string> firmRoles)
    {
        if (value is null)
        {
            return null;
        }

        if (value.StartsWith(OtherPrefix, StringComparison.Ordinal))
        {
            var label = value[OtherPrefix.Length..];
            return firmRoles.Contains(label, StringComparer.Ordinal) ? (PartyRole.Other, label) : null;
        }

        return Enum.TryParse<PartyRole>(value, ignoreCase: false, out var role) && Enum.IsDefined(role) && !int.TryParse(value, out _)
            ? (role, null)
            : null;
    }
}
