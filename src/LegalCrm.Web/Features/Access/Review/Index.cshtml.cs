using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access.Review;

/// <summary>
/// The periodic access review: the report of who may do and see what (also as CSV and PDF), when the next review is
/// due, and recording a review with the reviewer's conclusions.
/// </summary>
[RequirePermission(Permissions.AdminReview)]
public sealed class IndexModel(
    CrmDbContext db, AccessReport report, AccessReportExports exports, AuditChainSealer sealer, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<AccessReportRow> Rows { get; private set; } = [];

    public IReadOnlyList<AccessReview> History { get; private set; } = [];

    public DateOnly NextDue { get; private set; }

    public bool Overdue => NextDue <= AmsterdamTime.Today(clock);

    [BindProperty]
    [StringLength(AccessReview.RemarksMaxLength)]
    public string? Remarks { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(exports.Csv(await report.BuildAsync(ct)), "text/csv; charset=utf-8", $"toegangsreview-{AmsterdamTime.Today(clock):yyyy-MM-dd}.csv");

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var firm = await db.Firms.AsNoTracking().Select(f => f.Name).SingleAsync(ct);
        var last = await db.Set<AccessReview>().AsNoTracking().OrderByDescending(r => r.ReviewedAt).FirstOrDefaultAsync(ct);
        var pdf = exports.Pdf(firm, await report.BuildAsync(ct), last, clock.GetUtcNow());
        return File(pdf, "application/pdf", $"toegangsreview-{AmsterdamTime.Today(clock):yyyy-MM-dd}.pdf");
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        Remarks = Remarks?.Trim();
        if (string.IsNullOrEmpty(Remarks))
        {
            ModelState.AddModelError(nameof(Remarks), l["Write down what you found and did, e.g. \"Two dormant accounts disabled; no other changes needed.\""]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var rows = await report.BuildAsync(ct);
        // Seal what waits first, so the recorded head covers the trail up to this review.
        await sealer.SealAsync(ct);
        var head = await db.AuditEntries.AsNoTracking().Where(a => a.ChainSeq != null).OrderByDescending(a => a.ChainSeq)
            .Select(a => new { Seq = a.ChainSeq!.Value, a.ChainHash }).FirstOrDefaultAsync(ct);
        db.Add(new AccessReview
        {
            ReviewedAt = clock.GetUtcNow(),
            ReviewedById = me.UserId,
            ReviewedByName = me.DisplayName ?? me.ActorName,
            Remarks = Remarks!,
            UsersReviewed = rows.Count,
            DormantAccounts = rows.Count(r => r.Dormant),
            ReportSha256 = Convert.ToHexStringLower(SHA256.HashData(exports.Csv(rows))),
            ChainHeadSeq = head?.Seq,
            ChainHeadHash = head?.ChainHash is { } hash ? Convert.ToHexStringLower(hash) : null,
        });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["The access review has been recorded. The next one is due on {0}.", AmsterdamTime.Today(clock).AddMonths(AccessReviewSchedule.IntervalMonths).ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await report.BuildAsync(ct);
        History = await db.Set<AccessReview>().AsNoTracking().OrderByDescending(r => r.ReviewedAt).Take(12).ToListAsync(ct);
        NextDue = await AccessReport.NextReviewDueAsync(db, ct);
    }
}
