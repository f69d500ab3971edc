using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// Ethical walls around a dossier: named users or teams barred from it, or from every dossier of one of its clients. A wall beats
/// team membership and <c>dossiers.read.all</c> (see <see cref="DossierAccess"/>); it takes effect on the next request.
/// </summary>
[RequirePermission(Permissions.AccessWalls)]
public sealed class WallsModel(CrmDbContext db, DossierAccess access, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Dossier Dossier { get; private set; } = null!;

    public IReadOnlyList<WallRow> Walls { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Users { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Clients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>Walls off <c>who</c>: "user:{id}" or "team:{id}".</summary>
    public async Task<IActionResult> OnPostAddAsync(string? who, Guid? clientId, string? reason)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var (kind, id) = who?.Split(':') is [var k, var v] && Guid.TryParse(v, out var parsed) ? (k, parsed) : (string.Empty, Guid.Empty);
        var name = kind switch
        {
            "user" => Users.FirstOrDefault(u => u.Id == id).Name,
            "team" => Teams.FirstOrDefault(t => t.Id == id).Name,
            _ => null,
        };
        if (name is null || (clientId is { } c && Clients.All(x => x.Id != c)))
        {
            ModelState.AddModelError(string.Empty, l["Choose a user and a scope from the lists."]);
        }

        if (kind == "user" && id == me.UserId)
        {
            ModelState.AddModelError(string.Empty, l["You cannot put a wall around yourself here; ask a colleague."]);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            ModelState.AddModelError("reason", l["Give the reason for the wall (at most 500 characters)."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.EthicalWalls.Add(new EthicalWall
        {
            UserId = kind == "user" ? id : null,
            TeamId = kind == "team" ? id : null,
            DossierId = clientId is null ? Id : null,
            ClientContactId = clientId,
            Reason = reason!.Trim(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = me.DisplayName ?? me.ActorName,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = l["The wall is up: {0} can no longer see this dossier.", name!].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid wallId)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var clientIds = Clients.Select(c => (Guid?)c.Id).ToList();
        var wall = await db.EthicalWalls.SingleOrDefaultAsync(w => w.Id == wallId && (w.DossierId == Id || clientIds.Contains(w.ClientContactId)));
        if (wall is null)
        {
            return NotFound();
        }

        db.EthicalWalls.Remove(wall);
        await db.SaveChangesAsync();
        TempData["Status"] = l["The wall has been taken down."].Value;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync()
    {
        var dossier = await access.FindAsync(Id);
        if (dossier is null)
        {
            return false;
        }

        Dossier = dossier;
        Users = await UserOptions.ActiveAsync(db);
        Teams = (await db.Teams.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync()).Select(t => (t.Id, t.Name)).ToList();
        Clients = (await db.Set<DossierParty>().Where(p => p.DossierId == Id && p.Role == PartyRole.Client)
                .Join(db.Contacts, p => p.ContactId, c => c.Id, (p, c) => new { c.Id, c.DisplayName }).ToListAsync())
            .Select(c => (c.Id, c.DisplayName)).ToList();
        var clientIds = Clients.Select(c => c.Id).ToList();
        var rows = await db.EthicalWalls.AsNoTracking()
            .Where(w => w.DossierId == Id || (w.ClientContactId != null && clientIds.Contains(w.ClientContactId.Value)))
            .Select(w => new
            {
                w.Id,
                UserName = db.Users.Where(u => u.Id == w.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                TeamName = db.Teams.Where(t => t.Id == w.TeamId).Select(t => t.Name).FirstOrDefault(),
                ClientName = db.Contacts.Where(c => c.Id == w.ClientContactId).Select(c => c.DisplayName).FirstOrDefault(),
                w.Reason,
                w.CreatedBy,
                w.CreatedAt,
            })
            .ToListAsync();
        Walls = rows
            .Select(w => new WallRow(w.Id, w.UserName ?? l["Team {0}", w.TeamName ?? string.Empty].Value, w.ClientName, w.Reason, w.CreatedBy, w.CreatedAt))
            .OrderBy(w => w.UserName, StringComparer.CurrentCulture)
            .ToList();
        return true;
    }

    public sealed record WallRow(Guid Id, string UserName, string? ClientName, string Reason, string CreatedBy, DateTimeOffset CreatedAt);
}
