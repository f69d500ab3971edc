using LegalCrm.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// Identity's store with its tokens encrypted at rest (AVG art. 32): the authenticator (TOTP) key and the recovery codes
/// are stored as Data Protection ciphertext, so a copy of <c>user_tokens</c> cannot mint second factors. A value written
/// before encryption (no prefix) is still read, and is encrypted the next time it is written.
/// </summary>
public sealed class CrmUserStore(CrmDbContext context, IDataProtectionProvider dataProtection, IdentityErrorDescriber? describer = null)
    : UserStore<CrmUser, CrmRole, CrmDbContext, Guid, CrmUserClaim, CrmUserRole, CrmUserLogin, CrmUserToken, CrmRoleClaim>(context, describer)
{
    public const string ProtectedPrefix = "dp1:";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("LegalCrm.UserTokens.v1");

    public override Task SetTokenAsync(CrmUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
        => base.SetTokenAsync(user, loginProvider, name, value is null ? null : ProtectedPrefix + _protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(CrmUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return stored is not null && stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal)
            ? _protector.Unprotect(stored[ProtectedPrefix.Length..])
            : stored;
    }
}
