using System.Globalization;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LegalCrm.Web.Features.Shared;

/// <summary>
/// <c>&lt;local-time value="@utc" /&gt;</c> renders a stored UTC moment as Amsterdam time in the user's culture,
/// inside a &lt;time&gt; element that keeps the exact instant for machines and screen readers.
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper : TagHelper
{
    public DateTimeOffset? Value { get; set; }

    /// <summary>"datetime" (default), "date" or "time".</summary>
    public string Format { get; set; } = "datetime";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Value is not { } utc)
        {
            output.Content.SetContent("—");
            return;
        }

        var local = AmsterdamTime.ToLocal(utc);
        output.Attributes.SetAttribute("datetime", utc.ToString("O", CultureInfo.InvariantCulture));
        output.Content.SetContent(Format switch
        {
            "date" => local.ToString("d", CultureInfo.CurrentCulture),
            "time" => local.ToString("t", CultureInfo.CurrentCulture),
            _ => local.ToString("g", CultureInfo.CurrentCulture),
        });
    }
}
