using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Notifications;

/// <summary>The signed-in user's own notifications, newest first; open one (marks it read) or mark all read.</summary>
[AnySignedInUser]
public sealed class IndexModel(CrmDbContext db, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public PageOf<Notification> Notifications { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public async Task OnGetAsync() =>
        Notifications = await Mine().OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).ToPageAsync(PageNumber);

    /// <summary>Marks the notification read and goes where it points (a path in the app only).</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id)
    {
        var notification = await Mine().AsTracking().SingleOrDefaultAsync(n => n.Id == id);
        if (notification is null)
        {
            return NotFound();
        }

        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(notification.Link) ? notification.Link : "/Notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var now = clock.GetUtcNow();
        var count = await Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        TempData["Status"] = l["{0} notifications marked as read.", count].Value;
        return RedirectToPage();
    }

    private IQueryable<Notification> Mine()
    {
        var user = me.UserId ?? Guid.Empty;
        return db.Notifications.AsNoTracking().Where(n => n.UserId == user);
    }
}
