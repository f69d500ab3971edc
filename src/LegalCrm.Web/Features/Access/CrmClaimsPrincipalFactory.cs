using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// The cookie carries who and which firm, and when the session began (for its absolute limit). Permissions are not
/// in it: they are loaded on every request, so a role change or a disabled account takes effect at once.
/// </summary>
public sealed class CrmClaimsPrincipalFactory(UserManager<CrmUser> users, IOptions<IdentityOptions> options, TimeProvider clock)
    : UserClaimsPrincipalFactory<CrmUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CrmUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CrmClaims.TenantId, user.TenantId.ToString()));
        identity.AddClaim(new Claim(CrmClaims.AuthTime, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
