using System.Text.Json;
using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Audit;

/// <summary>
/// The audit chain: its head (to note down outside the system), what waits to be sealed, and verification runs — start
/// one, watch it, and read the first broken link it found.
/// </summary>
[RequirePermission(Permissions.AdminAuditVerify)]
public sealed class ChainModel(CrmDbContext db, IBackgroundJobClient jobs, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public ChainHead? Head { get; private set; }

    public long Unsealed { get; private set; }

    public IReadOnlyList<AuditVerification> Runs { get; private set; } = [];

    public AuditVerification? Running => Runs.FirstOrDefault(r => r.FinishedAt is null);

    public async Task OnGetAsync()
    {
        Head = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ChainSeq != null)
            .OrderByDescending(a => a.ChainSeq)
            .Select(a => new ChainHead(a.ChainSeq!.Value, a.OccurredAt, a.ChainHash!))
            .FirstOrDefaultAsync();
        Unsealed = await db.AuditEntries.LongCountAsync(a => a.ChainSeq == null);
        Runs = await db.AuditVerifications.AsNoTracking().OrderByDescending(v => v.RequestedAt).Take(10).ToListAsync();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        // One run at a time per firm; a run asked for more than an hour ago that never finished does not block.
        var since = clock.GetUtcNow().AddHours(-1);
        if (await db.AuditVerifications.AnyAsync(v => v.FinishedAt == null && v.RequestedAt > since))
        {
            TempData["Status"] = l["A verification is already running."].Value;
            return RedirectToPage();
        }

        var run = new AuditVerification { RequestedAt = clock.GetUtcNow(), RequestedById = me.UserId, RequestedByName = me.DisplayName ?? me.ActorName };
        db.AuditVerifications.Add(run);
        await db.SaveChangesAsync();
        jobs.Enqueue<AuditVerificationJob>(j => j.RunAsync(run.TenantId, run.Id, CancellationToken.None));
        TempData["Status"] = l["The verification has started. You can leave this page; the result stays here."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetProgressAsync(Guid id)
    {
        var progress = await db.AuditVerifications.AsNoTracking()
            .Where(v => v.Id == id)
            .Select(v => new { status = v.FinishedAt != null ? "Finished" : v.StartedAt != null ? "Running" : "Queued", processed = v.RowsChecked, total = v.RowsToCheck })
            .SingleOrDefaultAsync();
        return progress is null ? NotFound() : new JsonResult(progress);
    }

    public static IReadOnlyList<ChainProblem> ProblemsOf(AuditVerification run) =>
        run.Problems is null ? [] : JsonSerializer.Deserialize<List<ChainProblem>>(run.Problems, AuditVerificationJob.Json) ?? [];

    public sealed record ChainHead(long Seq, DateTimeOffset OccurredAt, byte[] Hash)
    {
        public string Hex => Convert.ToHexStringLower(Hash);
    }
}
