using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Communications;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// The end of a closed dossier's retention period (art. 5(1)(e) AVG; the firm's policy for closed dossiers): what was
/// recorded under it goes — communications, documents and their files, deadlines, tasks, conflict checks, applied
/// workflows, parties, walls, access grants and released legal holds — and its audit rows are blanked to a pseudonym.
/// "Delete" removes the dossier itself too; "anonymise" keeps its number, practice area, status, dates and team for the
/// firm's statistics. Set-based statements rather than tracked entities: the audit trail and the deletion log get
/// counts, not copies of what had to go. The caller owns the transaction and deletes the files after it commits.
/// </summary>
public sealed class DossierDisposal(CrmDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The tables under a dossier cleared here by name; the others (members, teams, parties, walls, grants, status
    /// history, communication participants, task comments) cascade in the database. A test fails when a table refers to
    /// dossiers without either.
    /// </summary>
    public static readonly IReadOnlyList<Type> Covers =
    [
        typeof(Communication), typeof(Document), typeof(DocumentVersion), typeof(Deadlines.Deadline), typeof(Tasks.WorkTask),
        typeof(ConflictCheck), typeof(Workflows.WorkflowApplication), typeof(LegalHold), typeof(DossierParty), typeof(EthicalWall),
        typeof(DossierAccessGrant), typeof(Communications.Mailboxes.TriageMessage),
    ];

    public sealed record Disposed(IReadOnlyList<ErasureLine> Lines, IReadOnlyList<DocumentKey> Files, string Number);

    /// <summary>What disposing of these dossiers would remove, per kind of record (for the dry run).</summary>
    public async Task<IReadOnlyList<ErasureLine>> CountAsync(IReadOnlyCollection<Guid> dossierIds, CancellationToken ct)
    {
        var ids = dossierIds.ToArray();
        return
        [
            new("Communications", await db.Communications.CountAsync(c => c.DossierId != null && ids.Contains(c.DossierId.Value), ct), ErasureAction.Delete),
            new("Documents and their files", await db.Documents.CountAsync(d => ids.Contains(d.DossierId), ct), ErasureAction.Delete),
            new("Deadlines", await db.Deadlines.CountAsync(d => ids.Contains(d.DossierId), ct), ErasureAction.Delete),
            new("Tasks", await db.WorkTasks.CountAsync(t => t.DossierId != null && ids.Contains(t.DossierId.Value), ct), ErasureAction.Delete),
            new("Conflict checks", await db.ConflictChecks.CountAsync(c => ids.Contains(c.DossierId), ct), ErasureAction.Delete),
            new("Roles in dossiers", await db.Set<DossierParty>().CountAsync(p => ids.Contains(p.DossierId), ct), ErasureAction.Delete),
        ];
    }

    /// <summary>Disposes of one dossier; null when it is gone, not closed, already anonymised or under a hold in force (nothing happens then).</summary>
    public async Task<Disposed?> DisposeAsync(Guid dossierId, RetentionAction action, CancellationToken ct)
    {
        var today = Infrastructure.Time.AmsterdamTime.Today(clock);
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, ct);
        if (dossier is null || dossier.ClosedOn is null || dossier.AnonymisedAt is not null
            || await db.LegalHolds.InForce(today).AnyAsync(h => h.DossierId == dossierId, ct))
        {
            return null;
        }

        // Collected before they go: the audit rows about the dossier's records are blanked with its own, the files deleted after the commit.
        var communications = await db.Communications.Where(c => c.DossierId == dossierId).Select(c => c.Id).ToListAsync(ct);
        var tasks = await db.WorkTasks.Where(t => t.DossierId == dossierId).Select(t => t.Id).ToListAsync(ct);
        var documents = await db.Documents.Where(d => d.DossierId == dossierId).Select(d => d.Id).ToListAsync(ct);
        var files = await db.DocumentVersions.Where(v => v.DossierId == dossierId).Select(v => new DocumentKey(v.TenantId, v.Id)).ToListAsync(ct);

        List<ErasureLine> lines =
        [
            new("Communications", await db.Communications.Where(c => c.DossierId == dossierId).ExecuteDeleteAsync(ct), ErasureAction.Delete),
        ];
        await db.DocumentVersions.Where(v => v.DossierId == dossierId).ExecuteDeleteAsync(ct);
        lines.Add(new("Documents and their files", await db.Documents.Where(d => d.DossierId == dossierId).ExecuteDeleteAsync(ct), ErasureAction.Delete));
        lines.Add(new("Deadlines", await db.Deadlines.Where(d => d.DossierId == dossierId).ExecuteDeleteAsync(ct), ErasureAction.Delete));
        lines.Add(new("Tasks", await db.WorkTasks.Where(t => t.DossierId == dossierId).ExecuteDeleteAsync(ct), ErasureAction.Delete));
        lines.Add(new("Conflict checks", await db.ConflictChecks.Where(c => c.DossierId == dossierId).ExecuteDeleteAsync(ct), ErasureAction.Delete));
        lines.Add(new("Applied workflows", await db.WorkflowApplications.Where(w => w.DossierId == dossierId).ExecuteDeleteAsync(ct), ErasureAction.Delete));
        lines.Add(new("Released legal holds", await db.LegalHolds.Where(h => h.DossierId == dossierId).ExecuteDeleteAsync(ct), ErasureAction.Delete));
        lines.Add(new("Roles in dossiers", await db.Set<DossierParty>().Where(p => p.DossierId == dossierId).ExecuteDeleteAsync(ct), ErasureAction.Delete));
        await db.EthicalWalls.Where(w => w.DossierId == dossierId).ExecuteDeleteAsync(ct);
        await db.DossierAccessGrants.Where(g => g.DossierId == dossierId).ExecuteDeleteAsync(ct);

        // The dossier's own change goes around the audit interceptor: a tracked update would copy the old title into the trail.
        if (action == RetentionAction.Delete)
        {
            await db.Dossiers.Where(d => d.Id == dossierId).ExecuteDeleteAsync(ct);
            lines.Add(new("Dossiers", 1, ErasureAction.Delete));
        }
        else
        {
            var now = clock.GetUtcNow();
            await db.Dossiers.Where(d => d.Id == dossierId).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Title, d => d.Number).SetProperty(d => d.Description, (string?)null).SetProperty(d => d.LegalAidNumber, (string?)null)
                .SetProperty(d => d.CourtCaseNumbers, (string?)null).SetProperty(d => d.AnonymisedAt, now).SetProperty(d => d.UpdatedAt, now)
                .SetProperty(d => d.UpdatedBy, "retention"), ct);
            lines.Add(new("Dossiers", 1, ErasureAction.Pseudonymise));
        }

        var pseudonym = "Dossier " + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2));
        Guid[] subjects = [dossierId, .. communications, .. tasks, .. documents];
        lines.Add(new("Audit trail entries", await AuditAnonymiser.AnonymiseAsync(db, nameof(Dossier), subjects, pseudonym, [], ct), ErasureAction.Pseudonymise));
        return new Disposed(lines, files, dossier.Number);
    }
}
