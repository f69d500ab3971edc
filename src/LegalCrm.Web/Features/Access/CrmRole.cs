using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace LegalCrm.Web.Features.Access;

/// <summary>A firm's role: a named set of permissions. Role names are unique within a firm.</summary>
public sealed class CrmRole : IdentityRole<Guid>, ITenantOwned, Audit.IAuditSubject
{
    public CrmRole() => Id = Guid.CreateVersion7();

    public Audit.AuditSubject AuditSubject => new(nameof(CrmRole), Id);

    public Guid TenantId { get; set; }

    /// <summary>The built-in role this was seeded from (e.g. "admin"), or null for a role the firm made.</summary>
    public string? BuiltInKey { get; set; }

    public string? Description { get; set; }

    public List<RoleGrant> Permissions { get; set; } = [];
}

/// <summary>One permission granted by a role; its changes are in the role's history.</summary>
public sealed class RoleGrant : ITenantOwned, Audit.IAuditSubject
{
    public Audit.AuditSubject AuditSubject => new(nameof(CrmRole), RoleId);

    public Guid TenantId { get; set; }

    public Guid RoleId { get; set; }

    public required string Permission { get; set; }
}
