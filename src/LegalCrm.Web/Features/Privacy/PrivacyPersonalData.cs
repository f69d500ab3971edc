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
    public IReadOnlyList<Type> Covers { get; } = [typeof(DataSubjectRequest)];

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
}
