using LegalCrm.Web.Features.Access;

namespace LegalCrm.Web.Features.Notifications;

/// <summary>
/// The number on the bell: the signed-in user's unread notifications, read with the session at the start of the
/// request (<see cref="UserSession"/>), so the layout costs no query of its own.
/// </summary>
public sealed class UnreadNotifications(CurrentUser me)
{
    public int Count => me.IsSignedIn ? me.UnreadNotifications : 0;
}
