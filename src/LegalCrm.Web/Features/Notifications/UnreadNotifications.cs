using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Notifications;

/// <summary>The number on the bell: the signed-in user's unread notifications (a partial index keeps it one probe).</summary>
public sealed class UnreadNotifications(CrmDbContext db, CurrentUser me)
{
    public async Task<int> CountAsync() =>
        me.UserId is { } user ? await db.Notifications.CountAsync(n => n.UserId == user && n.ReadAt == null) : 0;
}
