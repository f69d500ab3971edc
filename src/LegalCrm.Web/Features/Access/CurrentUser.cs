namespace LegalCrm.Web.Features.Access;

/// <summary>
/// Who is acting in this scope: the signed-in user (loaded once per request by <see cref="SessionValidator"/>),
/// or the system on behalf of a command or job. The audit trail and the permission check both read it.
/// </summary>
public sealed class CurrentUser
{
    private HashSet<string> _permissions = new(StringComparer.Ordinal);

    public Guid? UserId { get; private set; }

    /// <summary>The name written into the audit trail: the user's e-mail address, or "system: …".</summary>
    public string ActorName { get; private set; } = "system";

    public string? DisplayName { get; private set; }

    public bool IsSignedIn => UserId is not null;

    /// <summary>The firm requires two-factor sign-in and this user has not enrolled yet.</summary>
    public bool MustEnrolTwoFactor { get; private set; }

    public IReadOnlySet<string> Permissions => _permissions;

    public bool Has(string permission) => _permissions.Contains(permission);

    /// <summary>The teams the user is in, read with the permissions at the start of the request (dossier access uses them).</summary>
    public IReadOnlyList<Guid> TeamIds { get; private set; } = [];

    /// <summary>The number on the bell: unread notifications when the request began, read with the session (UserSession).</summary>
    public int UnreadNotifications { get; private set; }

    public void SignedIn(Guid userId, string email, string displayName, IEnumerable<string> permissions, IEnumerable<Guid> teamIds, bool mustEnrolTwoFactor,
        int unreadNotifications = 0)
    {
        UnreadNotifications = unreadNotifications;
        TeamIds = [.. teamIds];
        UserId = userId;
        ActorName = email;
        DisplayName = displayName;
        _permissions = new HashSet<string>(permissions, StringComparer.Ordinal);
        MustEnrolTwoFactor = mustEnrolTwoFactor;
    }

    /// <summary>For sign-in events before the session exists: attributes the audit rows to the account.</summary>
    public void Identify(Guid userId, string email)
    {
        UserId = userId;
        ActorName = email;
    }

    public void ActAsSystem(string purpose)
    {
        UserId = null;
        ActorName = $"system: {purpose}";
        _permissions.Clear();
    }
}
