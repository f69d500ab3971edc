using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Documents;

/// <summary>
/// Lets a request carry a full batch of documents (the firm's per-file limit times the files per upload, plus the
/// form), where the server default would stop at 30 MB. Runs before the antiforgery check, which reads the form.
/// A file over the per-file limit inside that total is refused by <see cref="DocumentUploadRules"/> with a message.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => -3000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value;
        var limit = options.MaxFileSizeBytes * options.MaxFilesPerUpload + 1024 * 1024;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = limit;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
