using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Agenda;

/// <summary>
/// One's calendar feed: make it (the address is shown once), choose whether titles show, make a new address or stop
/// the feed — both revoke the old address at once.
/// </summary>
[AnySignedInUser]
public sealed class FeedModel(CrmDbContext db, CurrentUser me, TimeProvider clock, IOptions<AppOptions> app, IStringLocalizer<SharedResource> l) : PageModel
{
    private const string NewAddressKey = "CalendarFeedAddress";

    public CalendarFeed? Feed { get; private set; }

    /// <summary>The address, only right after it was made.</summary>
    public string? NewAddress { get; private set; }

    [BindProperty]
    public bool TitlesHidden { get; set; }

    public async Task OnGetAsync()
    {
        Feed = await MineAsync();
        TitlesHidden = Feed?.TitlesHidden ?? false;
        NewAddress = TempData[NewAddressKey] as string;
    }

    /// <summary>Makes the feed, or a new address for it (the old one stops working).</summary>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        var user = me.UserId!.Value;
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == user);
        if (feed is null)
        {
            feed = new CalendarFeed { UserId = user, CreatedAt = clock.GetUtcNow(), TitlesHidden = TitlesHidden };
            db.CalendarFeeds.Add(feed);
        }

        var (token, hash) = CalendarFeedToken.Create(user);
        feed.SecretHash = hash;
        feed.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData[NewAddressKey] = app.Value.PublicUrl.TrimEnd('/') + $"/calendar/{token}.ics";
        TempData["Status"] = l["Your calendar feed has a new address. Any earlier address no longer works."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOptionsAsync()
    {
        var user = me.UserId!.Value;
        if (await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == user) is not { } feed)
        {
            return RedirectToPage();
        }

        feed.TitlesHidden = TitlesHidden;
        await db.SaveChangesAsync();
        TempData["Status"] = l["The calendar feed settings have been saved."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostStopAsync()
    {
        var user = me.UserId!.Value;
        if (await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == user) is { } feed)
        {
            db.CalendarFeeds.Remove(feed);
            await db.SaveChangesAsync();
        }

        TempData["Status"] = l["Your calendar feed has stopped; its address no longer works."].Value;
        return RedirectToPage();
    }

    private Task<CalendarFeed?> MineAsync()
    {
        var user = me.UserId!.Value;
        return db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.UserId == user);
    }
}
