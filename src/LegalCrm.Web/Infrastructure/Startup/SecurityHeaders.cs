namespace LegalCrm.Web.Infrastructure.Startup;

/// <summary>
/// The response headers every answer carries (ASVS V3.4, V14): a Content-Security-Policy that runs only the app's own
/// script file (no inline script, no eval, nothing from elsewhere), no framing, no MIME sniffing, no referrer, no
/// powerful browser features; and <c>Cache-Control: no-store</c> on everything but the versioned static files, so no
/// page with client data stays in a browser's or proxy's cache.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Style attributes stay allowed (<c>style-src-attr</c>): they cannot run script, and the pages use a few for layout;
    /// style elements and sheets come only from the app.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // An answer may bring a stricter or different policy of its own (a document shown in the page's frame).
            headers.TryAdd(Microsoft.Net.Http.Headers.HeaderNames.ContentSecurityPolicy, ContentSecurityPolicy);
            headers.TryAdd(Microsoft.Net.Http.Headers.HeaderNames.XFrameOptions, "DENY");
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!IsStaticFile(context))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsStaticFile(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/css") || context.Request.Path.StartsWithSegments("/js")
        || context.Request.Path.StartsWithSegments("/lib") || context.Request.Path.StartsWithSegments("/favicon.ico");
}
