using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Communications;

/// <summary>
/// Whether the user may see or change one communication: in a dossier it follows the dossier (<see cref="DossierAccess"/>),
/// with only a contact it follows the contact (<c>clients.read</c>); changing also takes the editing window
/// (<see cref="CommunicationRules.MayChange"/>).
/// </summary>
public sealed class CommunicationAccess(CrmDbContext db, DossierAccess dossiers, CurrentUser me, TimeProvider clock)
{
    public async Task<Communication?> FindAsync(Guid id, bool tracked = false, CancellationToken ct = default)
    {
        var query = tracked ? db.Communications : db.Communications.AsNoTracking();
        var communication = await query.Include(c => c.Participants).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (communication is null || !me.Has(Permissions.CommunicationsRead))
        {
            return null;
        }

        var visible = communication.DossierId is { } dossierId
            ? await dossiers.CanSeeAsync(dossierId, ct)
            : me.Has(Permissions.ClientsRead);
        return visible ? communication : null;
    }

    public async Task<bool> CanChangeAsync(Communication communication, CancellationToken ct = default)
    {
        if (!me.Has(Permissions.CommunicationsWrite) && !me.Has(Permissions.CommunicationsManage))
        {
            return false;
        }

        if (communication.DossierId is { } dossierId
            && (await db.Dossiers.AsNoTracking().Where(d => d.Id == dossierId).Select(d => d.Status).SingleAsync(ct) is var status && DossierLifecycle.IsReadOnly(status)
                || !await dossiers.CanEditAsync(dossierId, ct)))
        {
            return false;
        }

        var editHours = await db.Firms.AsNoTracking().Select(f => f.CommunicationEditHours).SingleAsync(ct);
        return CommunicationRules.MayChange(
            isAuthor: me.UserId is { } userId && communication.AuthorUserId == userId,
            canManage: me.Has(Permissions.CommunicationsManage),
            communication.CreatedAt,
            clock.GetUtcNow(),
            editHours);
    }
}
