using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Clients;

public enum MergeOutcome
{
    Merged,
    NotFound,
    Restricted,
    DifferentKinds,
    SameContact,
}

/// <summary>Merges one contact into another in a single transaction: fields, details, every link, an audit record, then the delete.</summary>
public sealed class ContactMergeService(CrmDbContext db, IEnumerable<IContactLinks> links, CurrentUser me, AuditEvents audit, TimeProvider clock)
{
    public async Task<MergeOutcome> MergeAsync(Guid keepId, Guid removeId, IReadOnlySet<string> takeFromOther, CancellationToken ct = default)
    {
        if (keepId == removeId)
        {
            return MergeOutcome.SameContact;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var contacts = await db.Contacts.Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Addresses).AsSplitQuery()
            .Where(c => c.Id == keepId || c.Id == removeId).ToListAsync(ct);
        var keep = contacts.SingleOrDefault(c => c.Id == keepId);
        var remove = contacts.SingleOrDefault(c => c.Id == removeId);
        if (keep is null || remove is null)
        {
            return MergeOutcome.NotFound;
        }

        if (keep.IsRestricted || remove.IsRestricted)
        {
            return MergeOutcome.Restricted;
        }

        if (keep.Kind != remove.Kind)
        {
            return MergeOutcome.DifferentKinds;
        }

        ContactMerge.Apply(keep, remove, takeFromOther);
        keep.UpdatedAt = clock.GetUtcNow();
        keep.UpdatedBy = me.DisplayName ?? me.ActorName;
        await db.SaveChangesAsync(ct);

        foreach (var link in links)
        {
            await link.MoveAsync(removeId, keepId, ct);
        }

        audit.Add(AuditActions.Merge, nameof(Contact), keepId.ToString(),
            new { mergedContact = remove.DisplayName, mergedId = removeId, mergedClientNumber = remove.ClientNumber, takenFromMerged = takeFromOther.Order() },
            new AuditSubject(nameof(Contact), keepId));
        db.Contacts.Remove(remove);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return MergeOutcome.Merged;
    }
}

/// <summary>Relationships move to the survivor; a relationship the survivor already has, or one with itself, is dropped.</summary>
public sealed class RelationshipLinks(CrmDbContext db) : IContactLinks
{
    public IReadOnlyList<Type> Covers { get; } = [typeof(ContactRelationship)];

    public async Task MoveAsync(Guid from, Guid to, CancellationToken ct)
    {
        var moving = await db.ContactRelationships.Where(r => r.FromContactId == from || r.ToContactId == from).ToListAsync(ct);
        var existing = await db.ContactRelationships.Where(r => r.FromContactId == to || r.ToContactId == to).ToListAsync(ct);
        foreach (var r in moving)
        {
            var newFrom = r.FromContactId == from ? to : r.FromContactId;
            var newTo = r.ToContactId == from ? to : r.ToContactId;
            if (newFrom == newTo || existing.Any(e => e.FromContactId == newFrom && e.ToContactId == newTo && e.Kind == r.Kind))
            {
                db.ContactRelationships.Remove(r);
                continue;
            }

            r.FromContactId = newFrom;
            r.ToContactId = newTo;
        }

        await db.SaveChangesAsync(ct);
    }
}
