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

    public sealed record Disposed(Guid Id, string Number, IReadOnlyList<ErasureLine> Lines, IReadOnlyList<DocumentKey> Files);

    /// <summary>The dossiers disposed of, and how many audit rows about them and their records lost their text.</summary>
    public sealed record DisposedSet(IReadOnlyList<Disposed> Dossiers, int AuditRowsBlanked);

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

    /// <summary>
    /// Disposes of a set of dossiers in set-based statements; returns what happened to each. Dossiers that are gone,
    /// not closed, already anonymised or under a hold in force (on them or on a party in them) are left alone (and not
    /// in the result).
    /// </summary>
    public async Task<DisposedSet> DisposeAsync(IReadOnlyCollection<Guid> dossierIds, RetentionAction action, CancellationToken ct)
    {
        var today = Infrastructure.Time.AmsterdamTime.Today(clock);
        var requested = dossierIds.ToArray();
        // Checked again inside the transaction: a hold placed (on the dossier or a party in it) or a reopening since the list was made wins.
        var inForce = db.LegalHolds.InForce(today);
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => requested.Contains(d.Id) && d.ClosedOn != null && d.AnonymisedAt == null
                && (d.Status == DossierStatus.Closed || d.Status == DossierStatus.Archived)
                && !inForce.Any(h => h.DossierId == d.Id)
                && !db.Set<DossierParty>().Any(p => p.DossierId == d.Id && inForce.Any(h => h.ContactId == p.ContactId)))
            .Select(d => new { d.Id, d.Number })
            .ToListAsync(ct);
        if (dossiers.Count == 0)
        {
            return new DisposedSet([], 0);
        }

        var ids = dossiers.Select(d => d.Id).ToArray();
        // Counted and collected before they go: per dossier for its deletion log entry; the ids of the records for the
        // audit rows about them; the files to delete after the commit.
        var communications = await db.Communications.Where(c => c.DossierId != null && ids.Contains(c.DossierId.Value)).Select(c => new { c.Id, Dossier = c.DossierId!.Value }).ToListAsync(ct);
        var tasks = await db.WorkTasks.Where(t => t.DossierId != null && ids.Contains(t.DossierId.Value)).Select(t => new { t.Id, Dossier = t.DossierId!.Value }).ToListAsync(ct);
        var documents = await db.Documents.Where(d => ids.Contains(d.DossierId)).Select(d => new { d.Id, Dossier = d.DossierId }).ToListAsync(ct);
        var files = (await db.DocumentVersions.Where(v => ids.Contains(v.DossierId)).Select(v => new { v.DossierId, v.TenantId, v.Id }).ToListAsync(ct))
            .ToLookup(v => v.DossierId, v => new DocumentKey(v.TenantId, v.Id));
        var deadlines = await CountByDossierAsync(db.Deadlines.Where(d => ids.Contains(d.DossierId)).Select(d => d.DossierId), ct);
        var checks = await CountByDossierAsync(db.ConflictChecks.Where(c => ids.Contains(c.DossierId)).Select(c => c.DossierId), ct);
        var workflows = await CountByDossierAsync(db.WorkflowApplications.Where(w => ids.Contains(w.DossierId)).Select(w => w.DossierId), ct);
        var released = await CountByDossierAsync(db.LegalHolds.Where(h => h.DossierId != null && ids.Contains(h.DossierId.Value)).Select(h => h.DossierId!.Value), ct);
        var parties = await CountByDossierAsync(db.Set<DossierParty>().Where(p => ids.Contains(p.DossierId)).Select(p => p.DossierId), ct);

        await db.Communications.Where(c => c.DossierId != null && ids.Contains(c.DossierId.Value)).ExecuteDeleteAsync(ct);
        await db.DocumentVersions.Where(v => ids.Contains(v.DossierId)).ExecuteDeleteAsync(ct);
        await db.Documents.Where(d => ids.Contains(d.DossierId)).ExecuteDeleteAsync(ct);
        await db.Deadlines.Where(d => ids.Contains(d.DossierId)).ExecuteDeleteAsync(ct);
        await db.WorkTasks.Where(t => t.DossierId != null && ids.Contains(t.DossierId.Value)).ExecuteDeleteAsync(ct);
        await db.ConflictChecks.Where(c => ids.Contains(c.DossierId)).ExecuteDeleteAsync(ct);
        await db.WorkflowApplications.Where(w => ids.Contains(w.DossierId)).ExecuteDeleteAsync(ct);
        await db.LegalHolds.Where(h => h.DossierId != null && ids.Contains(h.DossierId.Value)).ExecuteDeleteAsync(ct);
        await db.Set<DossierParty>().Where(p => ids.Contains(p.DossierId)).ExecuteDeleteAsync(ct);
        await db.EthicalWalls.Where(w => w.DossierId != null && ids.Contains(w.DossierId.Value)).ExecuteDeleteAsync(ct);
        await db.DossierAccessGrants.Where(g => ids.Contains(g.DossierId)).ExecuteDeleteAsync(ct);

        // The dossiers' own change goes around the audit interceptor: a tracked update would copy the old titles into the trail.
        if (action == RetentionAction.Delete)
        {
            await db.Dossiers.Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(ct);
        }
        else
        {
            var now = clock.GetUtcNow();
            await db.Dossiers.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Title, d => d.Number).SetProperty(d => d.Description, (string?)null).SetProperty(d => d.LegalAidNumber, (string?)null)
                .SetProperty(d => d.CourtCaseNumbers, (string?)null).SetProperty(d => d.AnonymisedAt, now).SetProperty(d => d.UpdatedAt, now)
                .SetProperty(d => d.UpdatedBy, "retention"), ct);
        }

        var pseudonym = "Dossier " + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2));
        Guid[] subjects = [.. ids, .. communications.Select(c => c.Id), .. tasks.Select(t => t.Id), .. documents.Select(d => d.Id)];
        var audited = await AuditAnonymiser.AnonymiseAsync(db, nameof(Dossier), subjects, pseudonym, mentions: null, ct);

        var communicationCounts = communications.CountBy(c => c.Dossier).ToDictionary();
        var taskCounts = tasks.CountBy(t => t.Dossier).ToDictionary();
        var documentCounts = documents.CountBy(d => d.Dossier).ToDictionary();
        return new DisposedSet(dossiers.Select(d => new Disposed(d.Id, d.Number,
            [
                new("Communications", communicationCounts.GetValueOrDefault(d.Id), ErasureAction.Delete),
                new("Documents and their files", documentCounts.GetValueOrDefault(d.Id), ErasureAction.Delete),
                new("Deadlines", deadlines.GetValueOrDefault(d.Id), ErasureAction.Delete),
                new("Tasks", taskCounts.GetValueOrDefault(d.Id), ErasureAction.Delete),
                new("Conflict checks", checks.GetValueOrDefault(d.Id), ErasureAction.Delete),
                new("Applied workflows", workflows.GetValueOrDefault(d.Id), ErasureAction.Delete),
                new("Released legal holds", released.GetValueOrDefault(d.Id), ErasureAction.Delete),
                new("Roles in dossiers", parties.GetValueOrDefault(d.Id), ErasureAction.Delete),
                new("Dossiers", 1, action == RetentionAction.Delete ? ErasureAction.Delete : ErasureAction.Pseudonymise),
            ],
            files[d.Id].ToList())).ToList(), audited);
    }

    private static async Task<Dictionary<Guid, int>> CountByDossierAsync(IQueryable<Guid> dossierIds, CancellationToken ct) =>
        await dossierIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
