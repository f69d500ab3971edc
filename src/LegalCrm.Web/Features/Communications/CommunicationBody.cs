using Ganss.Xss;
using Markdig;

namespace LegalCrm.Web.Features.Communications;

/// <summary>
/// The one way a communication's body becomes HTML: what users type is Markdown (raw HTML in it is shown as text), an
/// e-mail's HTML is taken as is; both then pass the same sanitiser, which keeps structure (paragraphs, lists, emphasis,
/// tables, links) and drops scripts, styles, forms, frames and every image, so tracking pixels and remote images are
/// never loaded.
/// </summary>
public static partial class CommunicationBody
{
    public const int MaxMarkdownLength = 100_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UsePipeTables().Build();

    public static string FromMarkdown(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : Sanitise(Markdown.ToHtml(markdown.Trim(), Pipeline));

    /// <summary>A plain-text body (a text-only e-mail): lines kept, nothing in it taken as markup.</summary>
    public static string FromPlainText(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? string.Empty
            : Sanitise(string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")
                .Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p.Trim()).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>")));

    /// <summary>The body as plain text (for the access package): paragraphs and line breaks kept, markup gone.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + BlockEnd().Replace(html, "\n$0") + "</body>");
        var text = document.Body?.TextContent ?? string.Empty;
        return string.Join("\n", text.Split('\n').Select(line => line.Trim())).Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex("</(p|li|tr|h[1-4]|blockquote|pre|div)>|<br\\s*/?>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BlockEnd();

    public static string Sanitise(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var sanitiser = new HtmlSanitizer();
        sanitiser.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "blockquote", "pre", "code", "h1", "h2", "h3", "h4", "hr", "a", "table", "thead", "tbody", "tr", "th", "td", "div", "span" })
        {
            sanitiser.AllowedTags.Add(tag);
        }

        sanitiser.AllowedAttributes.Clear();
        sanitiser.AllowedAttributes.Add("href");
        sanitiser.AllowedSchemes.Clear();
        sanitiser.AllowedSchemes.Add("https");
        sanitiser.AllowedSchemes.Add("http");
        sanitiser.AllowedSchemes.Add("mailto");
        sanitiser.AllowedCssProperties.Clear();
        // An e-mail's layout tags (font, center, table soup) are unwrapped so their text stays; the content of script,
        // style and the like is not text for a reader and goes with the tag.
        sanitiser.KeepChildNodes = true;
        sanitiser.RemovingTag += (_, e) =>
        {
            if (e.Tag.TagName is "SCRIPT" or "STYLE" or "HEAD" or "TITLE" or "NOSCRIPT" or "TEMPLATE" or "IFRAME" or "OBJECT" or "SVG" or "MATH" or "XML")
            {
                e.Tag.InnerHtml = string.Empty;
            }
        };
        sanitiser.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitiser.Sanitize(html).Trim();
    }
}
