using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Tasks;

/// <summary>Merging contacts moves the tasks about them.</summary>
public sealed class TaskLinks(CrmDbContext db) : IContactLinks
{
    public IReadOnlyList<Type> Covers { get; } = [typeof(WorkTask)];

    public async Task MoveAsync(Guid from, Guid to, CancellationToken ct)
    {
        foreach (var task in await db.WorkTasks.Where(t => t.ContactId == from).ToListAsync(ct))
        {
            task.ContactId = to;
        }

        await db.SaveChangesAsync(ct);
    }
}
