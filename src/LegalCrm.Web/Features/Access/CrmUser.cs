using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace LegalCrm.Web.Features.Access;

/// <summary>A person who signs in. Belongs to exactly one firm; the e-mail address is unique across firms because it is the sign-in name.</summary>
public sealed class CrmUser : IdentityUser<Guid>, ITenantOwned
{
    public CrmUser() => Id = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public required string DisplayName { get; set; }

    public string PreferredCulture { get; set; } = SupportedCultures.Default;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? InvitedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>A disabled user cannot sign in, and an open session ends at the next request.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;

    /// <summary>The colleague who stands in when this user is away: a fatal deadline still open the working day before it ends escalates to them.</summary>
    public Guid? BackupUserId { get; set; }

    public bool HasPassword => PasswordHash is not null;
}

public sealed class CrmUserRole : IdentityUserRole<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class CrmUserClaim : IdentityUserClaim<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class CrmUserLogin : IdentityUserLogin<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class CrmUserToken : IdentityUserToken<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class CrmRoleClaim : IdentityRoleClaim<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}
