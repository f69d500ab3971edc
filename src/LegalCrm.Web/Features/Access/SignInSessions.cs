using System.Security.Claims;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access;

/// <summary>A user's open sessions, and ending them (one, all but the current one, or all: offboarding).</summary>
public sealed class SignInSessions(CrmDbContext db, TimeProvider clock, AuditEvents audit, Microsoft.Extensions.Options.IOptions<SessionLifetimeOptions> lifetime)
{
    public sealed record Row(Guid Id, string Device, string? IpAddress, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);

    /// <summary>Sessions not ended and still within the idle and absolute limits, most recently seen first.</summary>
    public Task<List<Row>> OpenAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var idleSince = now - lifetime.Value.SlidingSession;
        var startedSince = now - lifetime.Value.AbsoluteSession;
        return db.SignInSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.LastSeenAt > idleSince && s.CreatedAt > startedSince)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new Row(s.Id, s.Device, s.IpAddress, s.CreatedAt, s.LastSeenAt))
            .ToListAsync(ct);
    }

    public static Guid? CurrentId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(CrmClaims.SessionId)?.Value, out var id) ? id : null;

    public async Task EndCurrentAsync(ClaimsPrincipal principal, SessionEnd reason)
    {
        if (CurrentId(principal) is { } id)
        {
            await EndAsync(db.SignInSessions.Where(s => s.Id == id), reason, record: false);
        }
    }

    /// <summary>Ends the sessions of <paramref name="userId"/> chosen by <paramref name="only"/> (all when null) but <paramref name="except"/>; returns how many.</summary>
    public Task<int> EndAsync(Guid userId, SessionEnd reason, Guid? only = null, Guid? except = null) =>
        EndAsync(
            db.SignInSessions.Where(s => s.UserId == userId && (only == null || s.Id == only) && (except == null || s.Id != except)),
            reason,
            record: true,
            userId);

    private async Task<int> EndAsync(IQueryable<SignInSession> sessions, SessionEnd reason, bool record, Guid? userId = null)
    {
        var now = clock.GetUtcNow();
        var ended = await sessions.Where(s => s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason));
        if (record && ended > 0)
        {
            audit.Add(AuditActions.SessionsEnded, nameof(CrmUser), userId?.ToString(), new { sessions = ended, reason = reason.ToString() });
            await db.SaveChangesAsync();
        }

        return ended;
    }
}
