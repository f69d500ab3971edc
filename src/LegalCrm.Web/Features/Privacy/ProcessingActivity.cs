using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>How personal data leaving the EEA is safeguarded (AVG art. 45, 46, 49); none when it does not leave.</summary>
public enum TransferSafeguard
{
    NoTransfer,
    AdequacyDecision,
    StandardContractualClauses,
    Derogation,
}

public enum ActivityStatus
{
    Active,
    Ended,
}

/// <summary>
/// What LegalCrm itself stores, so an activity names the data it covers in the system (and later retention policies
/// and access packages can follow the same categories).
/// </summary>
public enum StoredDataCategory
{
    ContactDetails,
    Relationships,
    DossiersAndParties,
    Communications,
    Documents,
    DeadlinesAndTasks,
    MarketingConsents,
    StaffAccounts,
    AuditTrail,
}

/// <summary>
/// One entry of the register of processing activities (AVG art. 30(1)): its purposes (b), the people and data it
/// concerns (c, with special categories of art. 9 and criminal data of art. 10 flagged), recipients (d), transfers
/// outside the EEA and their safeguard (e), the erasure time limit (f) and security measures (g), plus the lawful basis
/// (art. 6) and status that Dutch practice adds. The controller's details (a) are the firm's, in
/// <see cref="RegisterDetails"/>; joint controllers are per activity.
/// </summary>
public sealed class ProcessingActivity : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Art. 30(1)(a): joint controllers of this activity, if any.</summary>
    public string? JointControllers { get; set; }

    /// <summary>Art. 30(1)(b).</summary>
    public string? Purposes { get; set; }

    public LawfulBasis? LawfulBasis { get; set; }

    /// <summary>Which legal obligation, contract or legitimate interest the basis rests on.</summary>
    public string? LawfulBasisExplanation { get; set; }

    /// <summary>Art. 30(1)(c): clients, counterparties, staff…</summary>
    public string? DataSubjectCategories { get; set; }

    /// <summary>Art. 30(1)(c): name and address, BSN, financial data…</summary>
    public string? PersonalDataCategories { get; set; }

    /// <summary>Art. 9: health, religion, ethnicity… when processed, which.</summary>
    public string? SpecialCategories { get; set; }

    /// <summary>Art. 10: criminal convictions and offences are processed.</summary>
    public bool CriminalData { get; set; }

    /// <summary>Art. 30(1)(d), including recipients in third countries.</summary>
    public string? Recipients { get; set; }

    /// <summary>Art. 30(1)(e): to which countries or organisations.</summary>
    public string? ThirdCountryTransfers { get; set; }

    public TransferSafeguard TransferSafeguard { get; set; }

    /// <summary>Art. 30(1)(f): the erasure time limit, e.g. "5 jaar na sluiten dossier".</summary>
    public string? RetentionPeriod { get; set; }

    /// <summary>Art. 30(1)(g): a general description of the technical and organisational measures (art. 32).</summary>
    public string? SecurityMeasures { get; set; }

    public List<StoredDataCategory> StoredData { get; set; } = [];

    public string? Remarks { get; set; }

    public ActivityStatus Status { get; set; }

    public DateOnly? EndedOn { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public AuditSubject AuditSubject => new(nameof(ProcessingActivity), Id);
}

/// <summary>The firm as controller (AVG art. 30(1)(a)): its contact details, a representative, the data protection officer.</summary>
public sealed class RegisterDetails : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    /// <summary>Address, e-mail and phone of the firm as controller.</summary>
    public string? ControllerContact { get; set; }

    public string? Representative { get; set; }

    public string? ProtectionOfficerName { get; set; }

    public string? ProtectionOfficerContact { get; set; }

    public AuditSubject AuditSubject => new(nameof(RegisterDetails), Id);
}

public enum RegisterExportFormat
{
    Pdf,
    Csv,
    Xlsx,
}

/// <summary>A record that the register was exported: by whom, when, in what form; its number is the export's version.</summary>
public sealed class RegisterExport : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public int Version { get; set; }

    public RegisterExportFormat Format { get; set; }

    public DateTimeOffset ExportedAt { get; set; }

    public string ExportedBy { get; set; } = string.Empty;

    public int Activities { get; set; }
}
