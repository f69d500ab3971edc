using System.Globalization;
using LegalCrm.Web.Data;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Access;

public sealed class SessionLifetimeOptions
{
    public const string Section = "Security";

    /// <summary>Idle timeout: the cookie slides while the user is active.</summary>
    public TimeSpan SlidingSession { get; set; } = TimeSpan.FromHours(8);

    /// <summary>No session lasts longer than this, however active.</summary>
    public TimeSpan AbsoluteSession { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Send the cookie over HTTPS only. Off in Development (plain http on localhost).</summary>
    public bool SecureCookies { get; set; } = true;
}

/// <summary>
/// Runs on every request with a session cookie: enters the user's firm, and in one query checks that the account
/// still exists, is enabled and has the same security stamp, that its <see cref="SignInSession"/> has not been ended,
/// and loads the user's permissions and language. Any failure ends the session at once (a disabled user, or a session
/// ended on another device, is out at the next request).
/// </summary>
public static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var clock = services.GetRequiredService<TimeProvider>();
        var options = services.GetRequiredService<IOptions<SessionLifetimeOptions>>().Value;

        if (!Guid.TryParse(principal?.FindFirst(CrmClaims.TenantId)?.Value, out var tenantId)
            || !Guid.TryParse(services.GetRequiredService<UserManager<CrmUser>>().GetUserId(principal!), out var userId)
            || !Guid.TryParse(principal!.FindFirst(CrmClaims.SessionId)?.Value, out var sessionId)
            || !long.TryParse(principal!.FindFirst(CrmClaims.AuthTime)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var authTime)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(authTime) > options.AbsoluteSession)
        {
            await RejectAsync(context);
            return;
        }

        services.GetRequiredService<TenantContext>().Enter(tenantId);
        var db = services.GetRequiredService<CrmDbContext>();
        // From here on the request works for this one firm (a scope never switches): one connection for the whole
        // request, so the firm is set on it once (TenantConnectionInterceptor) rather than before each query. EF gives
        // it back to the pool when the request's context is disposed.
        await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
        var stamp = principal.FindFirst(CrmClaims.SecurityStamp)?.Value;
        var session = await UserSession.LoadAsync(db, userId, context.HttpContext.RequestAborted, new SessionSeen(sessionId, stamp, clock.GetUtcNow()));

        if (session is null || session.DisabledAt is not null || session.SecurityStamp != stamp || session.SessionLastSeenAt is null)
        {
            await RejectAsync(context);
            return;
        }

        session.SignIn(services.GetRequiredService<CurrentUser>());
        context.HttpContext.Items[UserCultureKey] = session.PreferredCulture;
    }

    public const string UserCultureKey = "legalcrm:user-culture";


    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

/// <summary>
/// A request's session, to check and mark as seen (<c>legalcrm_see_session</c>): "last seen" is written when it is
/// older than <see cref="Precision"/> and the session is still valid for <paramref name="SecurityStamp"/> — one write a
/// minute per session, not one per request, and no round trip of its own.
/// </summary>
public sealed record SessionSeen(Guid SessionId, string? SecurityStamp, DateTimeOffset Now)
{
    public static readonly TimeSpan Precision = TimeSpan.FromMinutes(1);

    public DateTimeOffset StaleBefore => Now - Precision;

    /// <summary>Maps to the database function; only for queries.</summary>
    public static DateTimeOffset? See(Guid session, Guid user, string? stamp, DateTimeOffset now, DateTimeOffset staleBefore) =>
        throw new NotSupportedException("Only for use in a query (legalcrm_see_session).");
}

/// <summary>
/// What a request (or a job acting for a user, such as the calendar feed) needs to know about the user, read in one
/// query: whether the account is still valid, and its permissions, teams and language.
/// </summary>
public sealed record UserSession(
    Guid UserId,
    string? SecurityStamp,
    DateTimeOffset? DisabledAt,
    string? Email,
    string DisplayName,
    string PreferredCulture,
    bool TwoFactorEnabled,
    bool FirmRequiresTwoFactor,
    List<string> Permissions,
    List<Guid> Teams,
    DateTimeOffset? SessionLastSeenAt,
    int UnreadNotifications)
{
    /// <summary>Loads the user of the firm entered (<see cref="Tenancy.TenantContext"/>), or null when there is none.</summary>
    /// <remarks>
    /// With <paramref name="session"/>, <see cref="SessionLastSeenAt"/> says when that session of the user was last seen
    /// (null when it has ended or is not theirs), and the same statement marks it seen now if due (<see cref="SessionSeen"/>).
    /// </remarks>
    public static Task<UserSession?> LoadAsync(CrmDbContext db, Guid userId, CancellationToken ct, SessionSeen? session = null) =>
        Load(db, userId, session?.SessionId, session?.SecurityStamp, session?.Now ?? default, session?.StaleBefore ?? default, ct);

    /// <summary>
    /// Every request runs this query (<see cref="SessionValidator"/>), so it is compiled once: otherwise EF builds its
    /// expression tree, extracts the parameters and looks it up in the query cache each time, which the profile showed
    /// as a tenth of the app's CPU under load (decision 0023). The firm's query filters still apply (they read the
    /// context they are run on).
    /// </summary>
    private static readonly Func<CrmDbContext, Guid, Guid?, string?, DateTimeOffset, DateTimeOffset, CancellationToken, Task<UserSession?>> Load =
        EF.CompileAsyncQuery((CrmDbContext db, Guid userId, Guid? sessionId, string? stamp, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken ct) =>
            db.Users
                .AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new UserSession(
                    u.Id,
                    u.SecurityStamp,
                    u.DisabledAt,
                    u.Email,
                    u.DisplayName,
                    u.PreferredCulture,
                    u.TwoFactorEnabled,
                    db.Firms.Where(f => f.Id == u.TenantId).Select(f => f.TwoFactorRequired).FirstOrDefault(),
                    db.RoleGrants
                        .Where(p => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == p.RoleId))
                        .Select(p => p.Permission)
                        .Distinct()
                        .ToList(),
                    db.TeamMembers.Where(m => m.UserId == u.Id).Select(m => m.TeamId).ToList(),
                    sessionId == null ? null : SessionSeen.See(sessionId.Value, u.Id, stamp, now, staleBefore),
                    // The number on the bell, with the session: one round trip less on every page (a partial index keeps it one probe).
                    db.Notifications.Count(n => n.UserId == u.Id && n.ReadAt == null)))
                .SingleOrDefault());

    /// <summary>Makes this user the one acting in the scope (permission checks, dossier access, audit).</summary>
    public void SignIn(CurrentUser current) =>
        current.SignedIn(UserId, Email ?? string.Empty, DisplayName, Permissions, Teams, mustEnrolTwoFactor: FirmRequiresTwoFactor && !TwoFactorEnabled,
            unreadNotifications: UnreadNotifications);
}
