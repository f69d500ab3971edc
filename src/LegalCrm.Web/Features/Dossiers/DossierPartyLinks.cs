using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>Merging contacts moves their dossier roles and the ethical walls around them as a client.</summary>
public sealed class DossierPartyLinks(CrmDbContext db) : IContactLinks
{
    public IReadOnlyList<Type> Covers { get; } = [typeof(DossierParty), typeof(EthicalWall)];

    public async Task MoveAsync(Guid from, Guid to, CancellationToken ct)
    {
        var parties = db.Set<DossierParty>();
        var moving = await parties.Where(p => p.ContactId == from).ToListAsync(ct);
        var existing = await parties.Where(p => p.ContactId == to).Select(p => new { p.DossierId, p.Role }).ToListAsync(ct);
        foreach (var party in moving)
        {
            if (existing.Contains(new { party.DossierId, party.Role }))
            {
                parties.Remove(party);
            }
            else
            {
                party.ContactId = to;
            }
        }

        foreach (var wall in await db.EthicalWalls.Where(w => w.ClientContactId == from).ToListAsync(ct))
        {
            wall.ClientContactId = to;
        }

        await db.SaveChangesAsync(ct);
    }
}
