using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure;
using LegalCrm.Web.Infrastructure.Localization;
using LegalCrm.Web.Infrastructure.Time;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Agenda;

/// <summary>
/// <c>GET /calendar/{token}.ics</c>: the personal feed, read by Outlook or Google without a session. The token names the
/// user; the firm is found from it, the secret checked against the stored hash, and the agenda read as that user (with
/// their permissions at this moment), so the feed never holds more than they may see. Every failure is the same 404.
/// </summary>
public static class CalendarFeedEndpoint
{
    /// <summary>Thirty days back (recent overdue items) and a year ahead.</summary>
    public const int DaysBack = 30;

    public const int DaysAhead = 365;

    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", ServeAsync).AllowAnonymous();

    private static async Task<IResult> ServeAsync(string token, HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        if (CalendarFeedToken.Parse(token) is not { } parsed
            || await services.GetRequiredService<TenantDirectory>().FindTenantOfUserAsync(parsed.UserId, ct) is not { } firm)
        {
            return Results.NotFound();
        }

        services.GetRequiredService<TenantContext>().Enter(firm);
        var db = services.GetRequiredService<CrmDbContext>();
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.UserId == parsed.UserId, ct);
        if (feed is null || !CalendarFeedToken.Matches(parsed.Secret, feed.SecretHash)
            || await UserSession.LoadAsync(db, parsed.UserId, ct) is not { DisabledAt: null } user)
        {
            return Results.NotFound();
        }

        user.SignIn(services.GetRequiredService<CurrentUser>());
        var agenda = services.GetRequiredService<AgendaItems>();
        var today = AmsterdamTime.Today(services.GetRequiredService<TimeProvider>());
        var items = await agenda.BetweenAsync(agenda.Mine(), today.AddDays(-DaysBack), today.AddDays(DaysAhead), ct);
        using var _ = new RecipientCulture(user.PreferredCulture);
        var publicUrl = services.GetRequiredService<IOptions<AppOptions>>().Value.PublicUrl.TrimEnd('/');
        var ics = CalendarFeedWriter.Write(items, feed.TitlesHidden, publicUrl, services.GetRequiredService<IStringLocalizer<SharedResource>>());
        return Results.Text(ics, "text/calendar; charset=utf-8");
    }
}
