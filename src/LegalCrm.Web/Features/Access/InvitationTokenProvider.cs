using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// Tokens for the set-password link of an invitation: valid for <see cref="Lifespan"/>, and once only, because setting
/// the password changes the security stamp the token is bound to. (Password-reset tokens use Identity's default
/// provider with a shorter life.)
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<CrmUser>> logger)
    : DataProtectorTokenProvider<CrmUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "SetPassword";
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(7);
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = InvitationTokenProvider.Lifespan;
    }
}
