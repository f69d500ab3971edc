using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Localization;

namespace LegalCrm.Web.Infrastructure.Localization;

/// <summary>A signed-in user's own language setting wins; anonymous visitors use the language cookie; else Dutch.</summary>
public sealed class UserCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = httpContext.Items[SessionValidator.UserCultureKey] as string;
        return Task.FromResult(SupportedCultures.IsSupported(culture) ? new ProviderCultureResult(culture) : null);
    }
}
