using System.Runtime.CompilerServices;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// The person's own requests about their data, and the read log: who in the firm opened their details, and when
/// (the audit trail's "view" entries about the contact).
/// </summary>
public sealed class PrivacyPersonalData(CrmDbContext db, IStringLocalizer<SharedResource> l) : IPersonalDataSource
{
    public IReadOnlyList<Type> Covers { get; } = [typeof(DataSubjectRequest), typeof(LegalHold)];

    public async IAsyncEnumerable<PersonalDataItem> CollectAsync(Guid contactId, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var r in await db.DataSubjectRequests.AsNoTracking().Where(r => r.ContactId == contactId).OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).ToListAsync(ct))
        {
            yield return new PersonalDataItem(PersonalDataSections.Requests, $"request:{r.Id}", l["request:" + r.Kind].Value,
            [
                new("kind", "Request", l["request:" + r.Kind].Value),
                new("receivedOn", "Received on", r.ReceivedOn),
                new("channel", "Received by", l["requestchannel:" + r.Channel].Value),
                new("description", "What the person asks", r.Description),
                new("identityVerifiedOn", "Identity verified on", r.IdentityVerifiedOn),
                new("dueOn", "Answer by", r.DueOn),
                new("closedOn", "Answer sent on", r.ClosedOn),
                new("answer", "Answer sent", r.Answer),
            ]);
        }

        foreach (var hold in await db.LegalHolds.AsNoTracking().Where(h => h.ContactId == contactId).OrderBy(h => h.PlacedAt).ToListAsync(ct))
        {
            yield return new PersonalDataItem(PersonalDataSections.Holds, $"hold:{hold.Id}", l["Legal hold"].Value,
            [
                new("reason", "Reason", hold.Reason),
                new("placedAt", "Placed on", hold.PlacedAt),
                new("until", "Until", hold.Until),
                new("releasedAt", "Released on", hold.ReleasedAt),
            ],
            WithholdingReasons.LegalClaims);
        }

        var contact = nameof(Clients.Contact);
        var reads = db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectType == contact && a.SubjectId == contactId && a.Action == AuditActions.View)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.OccurredAt, a.ActorName, a.EntityType })
            .AsAsyncEnumerable();
        await foreach (var read in reads.WithCancellation(ct))
        {
            var at = new PersonalDataField("at", "When", read.OccurredAt);
            yield return new PersonalDataItem(PersonalDataSections.Reads, $"read:{read.Id}", $"{at.Text} · {read.ActorName}",
            [
                at,
                new("by", "By", read.ActorName),
                new("what", "What", l["entity:" + read.EntityType].Value),
            ]);
        }
    }

    /// <summary>
    /// The person's requests stay in the log as evidence that they were answered (art. 5(2)), under the pseudonym; the
    /// read log is part of the audit trail, which the erasure anonymises as a whole.
    /// </summary>
    public async Task<IReadOnlyList<ErasureLine>> EraseAsync(ErasureScope scope, bool execute, CancellationToken ct)
    {
        var requests = await db.DataSubjectRequests.Where(r => r.ContactId == scope.ContactId).ToListAsync(ct);
        var holds = await db.LegalHolds.CountAsync(h => h.ContactId == scope.ContactId, ct);
        var holdLine = new ErasureLine("Legal holds", holds, ErasureAction.Keep, l["Evidence of the hold, kept with the pseudonym."].Value);
        if (scope.ContactFate == ErasureAction.Keep)
        {
            return [new("Requests about their data", requests.Count, ErasureAction.Keep, scope.ContactKeptBecause), holdLine];
        }

        List<ErasureLine> lines = [new("Requests about their data", requests.Count, ErasureAction.Pseudonymise, l["Kept as evidence that the request was answered (art. 5(2) AVG)."].Value), holdLine];
        if (execute)
        {
            foreach (var r in requests)
            {
                r.PersonName = scope.Pseudonym;
                r.PersonDetails = null;
                r.Description = scope.Scrub(r.Description);
                r.Answer = scope.Scrub(r.Answer);
                r.IdentityVerifiedHow = scope.Scrub(r.IdentityVerifiedHow);
            }

            await db.SaveChangesAsync(ct);
        }

        return lines;
    }
}
