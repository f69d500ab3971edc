using LegalCrm.Web.Features.Audit;

namespace LegalCrm.Web.Features.Backups;

public enum BackupTrigger
{
    Schedule,
    Request,
}

/// <summary>
/// One run of the backup job. Backups cover the whole installation, so runs belong to no firm: the record says when and
/// how it went, not what or where (paths and errors go to the server log, for the operator).
/// </summary>
[NotAudited]
public sealed class BackupRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public BackupTrigger Trigger { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool Succeeded { get; set; }

    public long DatabaseBytes { get; set; }

    public int DocumentFiles { get; set; }

    public long DocumentBytes { get; set; }

    /// <summary>How many older backups were removed to keep the configured number.</summary>
    public int Pruned { get; set; }
}
