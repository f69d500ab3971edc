using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Clients;

/// <summary>How two contacts relate, read from the first to the second ("A is employee of B"); shown from both sides.</summary>
public enum RelationshipKind
{
    EmployeeOf,
    DirectorOf,
    ContactPersonOf,
    ShareholderOf,
    PartnerOf,
    GuardianOf,
    ParentOf,
    Other,
}

public sealed class ContactRelationship : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FromContactId { get; set; }

    public Guid ToContactId { get; set; }

    public RelationshipKind Kind { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public AuditSubject AuditSubject => new(nameof(Contact), FromContactId);

    /// <summary>The label read from the other side: "employee of" seen from the employer is "employer of".</summary>
    public static string InverseLabel(RelationshipKind kind) => kind switch
    {
        RelationshipKind.EmployeeOf => "employer of",
        RelationshipKind.DirectorOf => "has as director",
        RelationshipKind.ContactPersonOf => "has as contact person",
        RelationshipKind.ShareholderOf => "has as shareholder",
        RelationshipKind.PartnerOf => "partner of",
        RelationshipKind.GuardianOf => "under guardianship of",
        RelationshipKind.ParentOf => "child of",
        _ => "related to",
    };

    public static string Label(RelationshipKind kind) => kind switch
    {
        RelationshipKind.EmployeeOf => "employee of",
        RelationshipKind.DirectorOf => "director of",
        RelationshipKind.ContactPersonOf => "contact person of",
        RelationshipKind.ShareholderOf => "shareholder of",
        RelationshipKind.PartnerOf => "partner of",
        RelationshipKind.GuardianOf => "guardian of",
        RelationshipKind.ParentOf => "parent of",
        _ => "related to",
    };
}
