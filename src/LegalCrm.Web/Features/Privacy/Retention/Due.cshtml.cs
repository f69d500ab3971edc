using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Infrastructure.Time;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Retention;

/// <summary>
/// Deletions due: what has reached the end of its retention period and what will within 30 days, with what blocks it;
/// a dry run of tonight's sweep; the firm's choice between automatic disposal and the officer's approval; approving
/// what is due; disposing of a single record by hand with a reason; the most recent entries of the deletion log.
/// </summary>
[RequirePermission(Permissions.PrivacyRetention)]
public sealed class DueModel(CrmDbContext db, RetentionSchedule schedule, RetentionDisposer disposer, DossierDisposal dossiers, RetentionSweep sweep,
    IBackgroundJobClient jobs, TenantContext tenant, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int UpcomingDays = 30;

    /// <summary>Each list shows this many; the counts and the dry run cover all.</summary>
    public const int Shown = 100;

    public DateOnly Today { get; private set; }

    public RetentionMode Mode { get; private set; }

    public IReadOnlyList<RetentionItem> Due { get; private set; } = [];

    public IReadOnlyList<RetentionItem> Upcoming { get; private set; } = [];

    public IReadOnlyList<ErasureLogEntry> Log { get; private set; } = [];

    /// <summary>The dry run: what tonight's sweep would do, per kind of record.</summary>
    public IReadOnlyList<ErasureLine>? DryRun { get; private set; }

    public bool CanDispose => me.Has(Permissions.PrivacyErasureExecute);

    [BindProperty(SupportsGet = true)]
    public bool Dry { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Dry)
        {
            DryRun = await DryRunAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostModeAsync(RetentionMode mode, CancellationToken ct)
    {
        var firm = await db.Firms.SingleAsync(ct);
        firm.RetentionMode = mode;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = (mode == RetentionMode.Automatic
            ? l["From tonight the sweep disposes of expired records itself and logs each one."]
            : l["From tonight the sweep only lists expired records; they are disposed of when you approve."]).Value;
        return RedirectToPage();
    }

    /// <summary>Disposes of everything due and not held, under the approving officer's name.</summary>
    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct)
    {
        if (!CanDispose)
        {
            return Forbid();
        }

        var due = (await schedule.EndingBeforeAsync(AmsterdamTime.Today(clock), ct)).Count(i => i.Blocked is null);
        var name = me.DisplayName ?? me.ActorName;
        if (due <= RetentionSweep.InlineItems)
        {
            // Not the request's token: a closed browser tab must not stop the disposal half-way (each record is whole either way).
            try
            {
                var disposed = await sweep.DisposeApprovedAsync(tenant.RequiredTenantId, me.UserId!.Value, name, CancellationToken.None);
                TempData["Status"] = l["{0} records disposed of and recorded in the deletion log.", disposed].Value;
            }
            catch (InvalidOperationException)
            {
                // Each failed record rolled back whole (and is logged for the administrator); the others are done.
                TempData["Error"] = l["Some records could not be disposed of and are still on the list; the others were. Try again later."].Value;
            }
        }
        else
        {
            jobs.Enqueue<RetentionSweep>(s => s.DisposeApprovedAsync(tenant.RequiredTenantId, me.UserId!.Value, name, CancellationToken.None));
            TempData["Status"] = l["{0} records are being disposed of in the background; the deletion log below shows each one as it is done.", due].Value;
        }

        return RedirectToPage();
    }

    /// <summary>One record, by hand, with the reason recorded in the deletion log (also before its period ends, within the coming 30 days).</summary>
    public async Task<IActionResult> OnPostDisposeAsync(Guid id, RetentionSubject subject, string? reason, CancellationToken ct)
    {
        if (!CanDispose)
        {
            return Forbid();
        }

        reason = PrivacyForms.Clean(reason);
        if (reason is null || reason.Length > ProcessingRegisterLimits.ShortText)
        {
            TempData["Error"] = (reason is null
                ? l["Give the reason for deleting this record by hand; it goes into the deletion log."]
                : l["At most {0} characters.", ProcessingRegisterLimits.ShortText]).Value;
            return RedirectToPage();
        }

        var today = AmsterdamTime.Today(clock);
        var item = (await schedule.EndingBeforeAsync(today.AddDays(UpcomingDays), ct)).FirstOrDefault(i => i.Id == id && i.Subject == subject);
        if (item is null)
        {
            TempData["Error"] = l["This record is no longer on the list: it was disposed of already or its retention changed."].Value;
            return RedirectToPage();
        }

        if (item.Blocked is { } blocked)
        {
            TempData["Error"] = l["This record must stay: {0}", l[blocked]].Value;
            return RedirectToPage();
        }

        var entry = await disposer.DisposeAsync(item, reason, CancellationToken.None);
        TempData[entry is null ? "Error" : "Status"] = entry is null
            ? l["This record could not be disposed of: the law still requires it to be kept (the Wwft keeps a client's identity five years after the relationship)."].Value
            : l["Disposed of and recorded in the deletion log."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = AmsterdamTime.Today(clock);
        Mode = await db.Firms.AsNoTracking().Select(f => f.RetentionMode).SingleAsync(ct);
        var items = await schedule.EndingBeforeAsync(Today.AddDays(UpcomingDays), ct);
        Due = items.Where(i => i.IsDue(Today)).ToList();
        Upcoming = items.Where(i => !i.IsDue(Today)).ToList();
        Log = await db.ErasureLog.AsNoTracking().OrderByDescending(e => e.ExecutedAt).ThenByDescending(e => e.Id).Take(20).ToListAsync(ct);
    }

    private async Task<IReadOnlyList<ErasureLine>> DryRunAsync(CancellationToken ct)
    {
        var open = Due.Where(i => i.Blocked is null).ToList();
        var lines = new List<ErasureLine>();
        foreach (var group in open.GroupBy(i => (i.Category, i.Action)))
        {
            lines.Add(new("retention:" + group.Key.Category, group.Count(), group.Key.Action == RetentionAction.Delete ? ErasureAction.Delete : ErasureAction.Pseudonymise));
        }

        var disposedDossiers = open.Where(i => i.Subject == RetentionSubject.Dossier).Select(i => i.Id).ToList();
        if (disposedDossiers.Count > 0)
        {
            lines.AddRange(await dossiers.CountAsync(disposedDossiers, ct));
        }

        var blocked = Due.Count(i => i.Blocked is not null);
        if (blocked > 0)
        {
            lines.Add(new("Held or restricted: stays", blocked, ErasureAction.Keep));
        }

        return lines;
    }
}
