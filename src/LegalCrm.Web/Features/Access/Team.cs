using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// A named group of users (a section, "team arbeidsrecht"): added to a dossier it gives all its members access, and an
/// ethical wall around a team bars all of them. Membership changes take effect on the next request.
/// </summary>
public sealed class Team : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<TeamMember> Members { get; set; } = [];

    public AuditSubject AuditSubject => new(nameof(Team), Id);
}

public sealed class TeamMember : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid TeamId { get; set; }

    public Guid UserId { get; set; }

    public AuditSubject AuditSubject => new(nameof(Team), TeamId);
}
