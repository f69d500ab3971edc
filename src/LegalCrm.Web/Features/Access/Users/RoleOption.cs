using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access.Users;

public sealed record RoleOption(Guid Id, string Name, string? Description)
{
    public static Task<List<RoleOption>> AllAsync(CrmDbContext db) =>
        db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => new RoleOption(r.Id, r.Name!, r.Description)).ToListAsync();
}
