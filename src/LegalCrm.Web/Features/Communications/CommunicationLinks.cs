using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Communications;

/// <summary>Merging contacts moves the communications logged with them and their place among participants.</summary>
public sealed class CommunicationLinks(CrmDbContext db) : IContactLinks
{
    public IReadOnlyList<Type> Covers { get; } = [typeof(Communication), typeof(CommunicationParticipant)];

    public async Task MoveAsync(Guid from, Guid to, CancellationToken ct)
    {
        foreach (var communication in await db.Communications.Where(c => c.ContactId == from).ToListAsync(ct))
        {
            communication.ContactId = to;
        }

        foreach (var participant in await db.Set<CommunicationParticipant>().Where(p => p.ContactId == from).ToListAsync(ct))
        {
            participant.ContactId = to;
        }

        await db.SaveChangesAsync(ct);
    }
}
