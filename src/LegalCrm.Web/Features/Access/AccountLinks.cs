using LegalCrm.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// Builds the one-time links mailed to users (invitation, password reset). The host comes from configuration
/// (<c>App:PublicUrl</c>), never from the request's Host header, so a forged header cannot redirect a reset link.
/// </summary>
public sealed class AccountLinks(UserManager<CrmUser> users, IOptions<AppOptions> app)
{
    public async Task<string> InvitationAsync(CrmUser user)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        return Build("/Account/SetPassword", user.Id, token);
    }

    public async Task<string> PasswordResetAsync(CrmUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return Build("/Account/ResetPassword", user.Id, token);
    }

    private string Build(string path, Guid userId, string token) =>
        QueryHelpers.AddQueryString(
            app.Value.PublicUrl.TrimEnd('/') + path,
            new Dictionary<string, string?> { ["user"] = userId.ToString(), ["code"] = token });
}
