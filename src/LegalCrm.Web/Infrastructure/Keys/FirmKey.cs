using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Infrastructure.Keys;

/// <summary>
/// A firm's own secret for one purpose (sealing the audit trail, encrypting its documents), 32 random bytes stored
/// only as ASP.NET Data Protection ciphertext. A new version is made on rotation; older versions stay to read what
/// they protected.
/// </summary>
public sealed class FirmKey : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public required string Purpose { get; set; }

    public int Version { get; set; }

    [AuditRedacted]
    public required string ProtectedKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public static class FirmKeyPurposes
{
    public const string AuditChain = "audit-chain";

    /// <summary>Encrypts the firm's document files; rotated with <c>keys rotate-documents</c>.</summary>
    public const string Documents = "documents";
}
