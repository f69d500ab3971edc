using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>Merging contacts moves the person's requests about their data and the legal holds on them.</summary>
public sealed class PrivacyLinks(CrmDbContext db) : IContactLinks
{
    public IReadOnlyList<Type> Covers { get; } = [typeof(DataSubjectRequest), typeof(LegalHold)];

    public async Task MoveAsync(Guid from, Guid to, CancellationToken ct)
    {
        foreach (var request in await db.DataSubjectRequests.Where(r => r.ContactId == from).ToListAsync(ct))
        {
            request.ContactId = to;
        }

        foreach (var hold in await db.LegalHolds.Where(h => h.ContactId == from).ToListAsync(ct))
        {
            hold.ContactId = to;
        }

        await db.SaveChangesAsync(ct);
    }
}
