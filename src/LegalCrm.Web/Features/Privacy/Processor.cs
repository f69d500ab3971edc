using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// A processor the firm uses (AVG art. 28): what it does, the processing agreement (art. 28(3)), its sub-processors,
/// the data it handles, where, the transfer safeguard when outside the EEA (art. 45/46/49), the activities of the
/// register it serves, and when the agreement is next reviewed (the officer is reminded).
/// </summary>
public sealed class Processor : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The service it provides, e.g. "hosting of the e-mail".</summary>
    public string? Service { get; set; }

    /// <summary>When the processing agreement (art. 28(3)) was signed; null while there is none.</summary>
    public DateOnly? AgreementSignedOn { get; set; }

    /// <summary>Where the signed agreement is kept (a dossier number and document, a link).</summary>
    public string? AgreementDocument { get; set; }

    public string? SubProcessors { get; set; }

    public string? DataCategories { get; set; }

    /// <summary>Where the data is processed: country or region.</summary>
    public string? Location { get; set; }

    public TransferSafeguard TransferSafeguard { get; set; }

    public DateOnly? NextReviewOn { get; set; }

    public string? Remarks { get; set; }

    /// <summary>The activities of the register (<see cref="ProcessingActivity"/>) it processes for.</summary>
    public List<Guid> ActivityIds { get; set; } = [];

    public AuditSubject AuditSubject => new(nameof(Processor), Id);
}

public enum DpiaStatus
{
    Planned,
    InProgress,
    Completed,
}

/// <summary>What a completed DPIA concluded: the remaining risk, and whether the supervisor must be consulted (art. 36).</summary>
public enum DpiaOutcome
{
    Pending,
    AcceptableRisk,
    HighResidualRisk,
}

/// <summary>
/// A data protection impact assessment (AVG art. 35) of one activity of the register, with the four parts art. 35(7)
/// requires: a description of the processing and its purposes, necessity and proportionality, the risks to the people
/// concerned, and the measures against them; with its status and outcome.
/// </summary>
public sealed class Dpia : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid ActivityId { get; set; }

    public string Title { get; set; } = string.Empty;

    public DpiaStatus Status { get; set; }

    /// <summary>Art. 35(7)(a).</summary>
    public string? Description { get; set; }

    /// <summary>Art. 35(7)(b).</summary>
    public string? NecessityAndProportionality { get; set; }

    /// <summary>Art. 35(7)(c).</summary>
    public string? Risks { get; set; }

    /// <summary>Art. 35(7)(d).</summary>
    public string? Measures { get; set; }

    public DpiaOutcome Outcome { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public AuditSubject AuditSubject => new(nameof(ProcessingActivity), ActivityId);
}
