using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Access;

/// <summary>A law firm: the tenant. Its id is the tenant id of every row it owns.</summary>
public sealed class Firm : ITenantScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>A firm is its own tenant (the row-level security policy on <c>firms</c> uses <c>id</c>).</summary>
    public Guid TenantId => Id;

    public required string Name { get; set; }

    /// <summary>When set, every user of the firm must enrol in two-factor sign-in before using the app.</summary>
    public bool TwoFactorRequired { get; set; }

    public string DefaultCulture { get; set; } = SupportedCultures.Default;

    /// <summary>How dossier numbers are written; see <see cref="Dossiers.DossierNumberFormat"/>.</summary>
    public string DossierNumberFormat { get; set; } = Dossiers.DossierNumberFormat.Default;

    /// <summary>The firm's practice areas (rechtsgebieden), offered when a dossier is created.</summary>
    public List<string> PracticeAreas { get; set; } = [.. DefaultPracticeAreas];

    public static readonly IReadOnlyList<string> DefaultPracticeAreas =
    [
        "Arbeidsrecht", "Familierecht", "Huurrecht", "Ondernemingsrecht", "Contractenrecht", "Bestuursrecht", "Strafrecht",
        "Letselschade", "Vastgoed", "Insolventierecht",
    ];

    /// <summary>The firm's own party roles besides the built-in ones (curator, mediator…): a party in such a role is "other" with this label.</summary>
    public List<string> PartyRoles { get; set; } = [.. DefaultPartyRoles];

    public static readonly IReadOnlyList<string> DefaultPartyRoles = ["Curator", "Mediator", "Tolk", "Getuige"];

    /// <summary>
    /// How long the author of a logged communication may still correct or delete it; afterwards only someone with
    /// <c>communications.manage</c> may (0: never the author alone).
    /// </summary>
    public int CommunicationEditHours { get; set; } = DefaultCommunicationEditHours;

    public const int DefaultCommunicationEditHours = 24;

    public const int MaxCommunicationEditHours = 24 * 30;

    /// <summary>The office manager (kantoormanager): receives the escalation of every fatal deadline still open the working day before it ends.</summary>
    public Guid? OfficeManagerUserId { get; set; }

    /// <summary>The key of the firm's suppression list (<see cref="Privacy.Suppressions"/>); made on first use.</summary>
    [Audit.AuditRedacted]
    public byte[]? SuppressionKey { get; set; }

    /// <summary>What the nightly retention sweep does with expired records: queue them for the privacy officer's approval, or delete them itself.</summary>
    public Privacy.RetentionMode RetentionMode { get; set; } = Privacy.RetentionMode.Approval;

    public DateTimeOffset CreatedAt { get; set; }
}
