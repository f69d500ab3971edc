using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// The one answer to "may this user see this dossier": its team (responsible lawyer and members), or everyone with
/// <c>dossiers.read.all</c>, or someone who broke the glass for a while (<see cref="DossierAccessGrant"/>) — never
/// someone behind an ethical wall, which beats every other rule. Every list, search, client page section, download
/// and export of dossier data starts from <see cref="Visible"/>, so a restricted dossier cannot leak through a count
/// or a search hit (professional secrecy, Advocatenwet art. 10a/11a).
/// </summary>
public sealed class DossierAccess(CrmDbContext db, CurrentUser me, TimeProvider clock)
{
    public IQueryable<Dossier> Visible() => Filter(me.Has(Permissions.DossiersReadAll));

    /// <summary>The dossiers whose team the user is in ("my dossiers"), walls still applying.</summary>
    public IQueryable<Dossier> Mine() => Filter(readAll: false).Where(d => d.ResponsibleLawyerId == me.UserId || d.Members.Any(m => m.UserId == me.UserId));

    public Task<bool> CanSeeAsync(Guid dossierId, CancellationToken ct = default) => Visible().AnyAsync(d => d.Id == dossierId, ct);

    /// <summary>Changing a dossier takes <c>dossiers.write</c> and a place in its team: seeing all is not working on all.</summary>
    public Task<bool> CanEditAsync(Guid dossierId, CancellationToken ct = default) =>
        me.Has(Permissions.DossiersWrite) ? Mine().AnyAsync(d => d.Id == dossierId, ct) : Task.FromResult(false);

    /// <summary>Whether a wall keeps the user out of this (existing) dossier: then not even break-glass lets them in.</summary>
    public async Task<bool> IsWalledAsync(Guid dossierId, CancellationToken ct = default) =>
        !await Unwalled(db.Dossiers.Where(d => d.Id == dossierId), me.UserId ?? Guid.Empty).AnyAsync(ct);

    private IQueryable<Dossier> Filter(bool readAll)
    {
        if (me.UserId is not { } user || !me.Has(Permissions.DossiersRead))
        {
            return db.Dossiers.Where(d => false);
        }

        var now = clock.GetUtcNow();
        return Unwalled(db.Dossiers.Where(d =>
            readAll || d.ResponsibleLawyerId == user || d.Members.Any(m => m.UserId == user)
            || db.DossierAccessGrants.Any(g => g.DossierId == d.Id && g.UserId == user && g.ExpiresAt > now)), user);
    }

    /// <summary>The one wall rule: a wall around the dossier, or around a client of it.</summary>
    private IQueryable<Dossier> Unwalled(IQueryable<Dossier> dossiers, Guid user) =>
        dossiers.Where(d => !db.EthicalWalls.Any(w => w.UserId == user
            && (w.DossierId == d.Id
                || (w.ClientContactId != null && d.Parties.Any(p => p.Role == PartyRole.Client && p.ContactId == w.ClientContactId)))));
}
