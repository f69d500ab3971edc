using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Requests;

/// <summary>
/// The erasure of a request (art. 17 AVG): the preview of what each part of LegalCrm would delete, pseudonymise or
/// keep and why; the execution (<c>privacy.erasure.execute</c>, after confirmation, in one transaction); afterwards
/// the deletion log entry.
/// </summary>
[RequirePermission(Permissions.PrivacyRequests)]
public sealed class ErasureModel(CrmDbContext db, Erasure erasure, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DataSubjectRequest DataRequest { get; private set; } = null!;

    public Erasure.Plan? Preview { get; private set; }

    public ErasureLogEntry? Done { get; private set; }

    public IReadOnlyList<ErasureLine> DoneLines { get; private set; } = [];

    public bool CanExecute => me.Has(Permissions.PrivacyErasureExecute);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.DataSubjectRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, ct) is not { } request)
        {
            return NotFound();
        }

        DataRequest = request;
        Done = await db.ErasureLog.AsNoTracking().Where(e => e.RequestId == Id).OrderByDescending(e => e.ExecutedAt).FirstOrDefaultAsync(ct);
        if (Done is not null)
        {
            DoneLines = Done.Lines();
        }

        if (Done is null || request.ContactId is not null)
        {
            Preview = await erasure.PlanAsync(request, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanExecute)
        {
            return Forbid();
        }

        if (await db.DataSubjectRequests.SingleOrDefaultAsync(r => r.Id == Id, ct) is not { } request)
        {
            return NotFound();
        }

        var (entry, refusal) = await erasure.ExecuteAsync(request, ct);
        if (entry is null)
        {
            TempData["Error"] = refusal;
        }
        else
        {
            TempData["Status"] = l["The erasure has been carried out and recorded in the deletion log. Close the request with the answer to the person."].Value;
        }

        return RedirectToPage();
    }
}
