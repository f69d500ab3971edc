using System.Net;

namespace LegalCrm.IntegrationTests.Attacks;

/// <summary>Every POST handler of every page, sent without its antiforgery token (a cross-site request), is refused with 400.</summary>
public sealed class AntiforgeryTests(AttackSurface surface) : IClassFixture<AttackSurface>
{
    [Fact]
    public async Task Every_post_without_the_antiforgery_token_is_refused_with_400()
    {
        using var signedIn = await surface.App.SignedInAsync(surface.Everything);
        using var anonymous = surface.App.Anonymous();
        var failures = new List<string>();
        var posts = 0;
        // The error page alone ignores the token: it re-renders a failed POST's error and changes nothing.
        var errorPage = typeof(LegalCrm.Web.Features.Errors.ErrorModel);
        Assert.Equal([errorPage], surface.Pages.Where(p => p.Model.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute), true).Length > 0).Select(p => p.Model).Distinct());
        foreach (var page in surface.Pages.Where(p => p.PostHandlers.Count > 0 && p.Model != errorPage))
        {
            var client = page.Anonymous ? anonymous : signedIn;
            var url = page.Url(_ => Guid.NewGuid().ToString());
            foreach (var handler in page.PostHandlers)
            {
                posts++;
                var target = handler.Length == 0 ? url : $"{url}?handler={handler}";
                var response = await client.Http.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent([new("Input.Title", "x"), new("Remarks", "x")]));
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"POST {target}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(posts >= 60, $"Only {posts} post handlers found; the enumeration is broken.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
