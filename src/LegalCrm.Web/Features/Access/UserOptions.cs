using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access;

/// <summary>The firm's enabled users by name, for selects (responsible lawyer, filters).</summary>
public static class UserOptions
{
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> ActiveAsync(CrmDbContext db) =>
        (await db.Users.AsNoTracking().Where(u => u.DisabledAt == null).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .Select(u => (u.Id, u.DisplayName)).ToList();
}
