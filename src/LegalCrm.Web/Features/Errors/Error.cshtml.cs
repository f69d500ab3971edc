using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Errors;

/// <summary>The friendly page for 400, 403, 404, 500 and the rest, in the user's language. Never shows exception details.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Reached directly (not re-executed) the page shows the 404 text, but with the status the request deserves.
        Code = code ?? 500;
        if (HttpContext.Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = Code is >= 400 and < 600 ? Code : StatusCodes.Status404NotFound;
        }

        (Title, Explanation) = Code switch
        {
            400 => (l["The request could not be processed"], l["Something in the request was not right. Go back, check what you entered and try again."]),
            403 => (l["You do not have access to this page"], l["Your role does not allow this. If you need it for your work, ask your firm's administrator."]),
            404 => (l["Page not found"], l["This page does not exist (any more), or you followed an incomplete link."]),
            429 => (l["Too many attempts"], l["Please wait a moment and try again."]),
            _ => (l["Something went wrong on our side"], l["Your request was not completed. Nothing you saved before was lost. Try again in a moment; if it keeps happening, give support the reference below."]),
        };
        if (Code >= 500)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
    }
}
