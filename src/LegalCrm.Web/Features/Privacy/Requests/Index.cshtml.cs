using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Privacy.Requests;

/// <summary>The log of data-subject requests (AVG art. 12): open ones with the days left to answer, or the closed ones.</summary>
[RequirePermission(Permissions.PrivacyRequests)]
public sealed class IndexModel(CrmDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Closed { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public DateOnly Today { get; private set; }

    public PageOf<DataSubjectRequest> Requests { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public async Task OnGetAsync()
    {
        Today = AmsterdamTime.Today(clock);
        var status = Closed ? RequestStatus.Closed : RequestStatus.Open;
        var query = db.DataSubjectRequests.AsNoTracking().Where(r => r.Status == status);
        // Open: the one received first is due first (extensions aside, which the page shows per row).
        Requests = await (Closed ? query.OrderByDescending(r => r.ClosedOn).ThenBy(r => r.Id) : query.OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id))
            .ToPageAsync(PageNumber);
    }
}
