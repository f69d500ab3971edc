using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// The cookie carries who and which firm, when the session began (for its absolute limit) and which
/// <see cref="SignInSession"/> it is. Permissions are not in it: they are loaded on every request, so a role change or a
/// disabled account takes effect at once. A refresh of the same user's cookie (after a password change) keeps its session.
/// </summary>
public sealed class CrmClaimsPrincipalFactory(
    UserManager<CrmUser> users,
    IOptions<IdentityOptions> options,
    TimeProvider clock,
    Data.CrmDbContext db,
    IHttpContextAccessor http)
    : UserClaimsPrincipalFactory<CrmUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CrmUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CrmClaims.TenantId, user.TenantId.ToString()));
        var current = http.HttpContext?.User;
        var sameUser = current?.Identity?.IsAuthenticated == true && current.FindFirst(ClaimTypes.NameIdentifier)?.Value == user.Id.ToString();
        if (sameUser && current!.FindFirst(CrmClaims.SessionId) is { } session && current.FindFirst(CrmClaims.AuthTime) is { } began)
        {
            identity.AddClaim(new Claim(CrmClaims.AuthTime, began.Value));
            identity.AddClaim(new Claim(CrmClaims.SessionId, session.Value));
            return identity;
        }

        var now = clock.GetUtcNow();
        var started = new SignInSession
        {
            TenantId = user.TenantId,
            UserId = user.Id,
            CreatedAt = now,
            LastSeenAt = now,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Device = DeviceName.From(http.HttpContext?.Request.Headers.UserAgent.ToString()),
        };
        db.SignInSessions.Add(started);
        await db.SaveChangesAsync();
        identity.AddClaim(new Claim(CrmClaims.AuthTime, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(CrmClaims.SessionId, started.Id.ToString()));
        return identity;
    }
}
