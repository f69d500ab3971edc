using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Shared;

/// <summary>The options of a select for an enum, labelled in the user's language (key: prefix + member name).</summary>
public static class EnumOptions
{
    public static IEnumerable<SelectListItem> For<TEnum>(IStringLocalizer localizer, string prefix)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(localizer[prefix + v], v.ToString()));

    /// <summary>The same, with <paramref name="selected"/> chosen (for selects not bound with asp-for).</summary>
    public static IEnumerable<SelectListItem> For<TEnum>(IStringLocalizer localizer, string prefix, TEnum selected)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(localizer[prefix + v], v.ToString(), v.Equals(selected)));
}
