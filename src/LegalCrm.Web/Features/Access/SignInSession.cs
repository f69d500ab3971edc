using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Access;

public enum SessionEnd
{
    SignedOut,
    EndedByUser,
    EndedByAdministrator,
    Offboarded,
}

/// <summary>
/// One signed-in browser: its id is in the session cookie (<see cref="CrmClaims.SessionId"/>), and
/// <see cref="SessionValidator"/> refuses the cookie once the session has ended — so a user (or an administrator) can
/// end a session on another device, and offboarding ends them all. Not audited row by row: sign-ins and sign-outs
/// are audit events already, and ending someone's session writes one.
/// </summary>
[NotAudited]
public sealed class SignInSession : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Refreshed at most once a minute (<see cref="SessionSeen.Precision"/>).</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>Browser and system, read from the User-Agent when the session began (<see cref="DeviceName"/>).</summary>
    public required string Device { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public SessionEnd? EndReason { get; set; }
}

/// <summary>"Chrome on Windows" from a User-Agent: enough for a person to recognise their own devices.</summary>
public static class DeviceName
{
    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "?";
        }

        var browser = userAgent switch
        {
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("OPR/", StringComparison.Ordinal) => "Opera",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => null,
        };
        var system = userAgent switch
        {
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("Mac OS X", StringComparison.Ordinal) || userAgent.Contains("Macintosh", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) || userAgent.Contains("X11", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        var name = (browser, system) switch
        {
            (null, null) => userAgent.Trim(),
            (null, _) => system!,
            (_, null) => browser!,
            _ => $"{browser} · {system}",
        };
        return name.Length <= 200 ? name : name[..200];
    }
}
