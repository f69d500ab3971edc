using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace LegalCrm.Web.Features.Shared;

/// <summary>Previous/next links that keep the list's current filters and sort.</summary>
public sealed record PagerModel(HttpRequest Request, int Page, bool HasPrevious, bool HasNext)
{
    /// <summary>
    /// The query parameter for the page number. Not "page": Razor Pages routes by a "page" value (the page's name),
    /// and route values bind before the query string.
    /// </summary>
    public const string QueryKey = "p";

    public static PagerModel For<T>(HttpRequest request, PageOf<T> page) => new(request, page.Page, page.HasPrevious, page.HasNext);

    public string UrlFor(int page)
    {
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value);
        var builder = new QueryBuilder(query.Where(kv => kv.Key != QueryKey).SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? string.Empty))))
        {
            { QueryKey, page.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return Request.Path + builder.ToQueryString().Value;
    }
}
