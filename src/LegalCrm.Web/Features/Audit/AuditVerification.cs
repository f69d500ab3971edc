using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Audit;

/// <summary>
/// One run of the audit chain verification, asked for on the chain page (or by the command line) and carried out as a
/// job; its progress is written as it goes, so the page can show it. Its outcome also goes into the audit trail itself
/// (<see cref="AuditActions.AuditVerified"/>).
/// </summary>
[NotAudited]
public sealed class AuditVerification : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public Guid? RequestedById { get; set; }

    public required string RequestedByName { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public long RowsToCheck { get; set; }

    public long RowsChecked { get; set; }

    public long RowsAnonymised { get; set; }

    public long RowsUnsealed { get; set; }

    public long HeadSeq { get; set; }

    /// <summary>Hex of the newest link's hash: noted outside the system, it shows later whether rows were cut off the end.</summary>
    public string? HeadHash { get; set; }

    public long ProblemCount { get; set; }

    /// <summary>JSON list of the first <see cref="AuditChainVerifier.ProblemsKept"/> problems.</summary>
    public string? Problems { get; set; }

    /// <summary>Set when the run itself failed (the database went away), not when it found a problem.</summary>
    public string? Failure { get; set; }
}
