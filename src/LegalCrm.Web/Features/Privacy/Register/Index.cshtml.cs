using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Register;

/// <summary>
/// The register of processing activities (AVG art. 30): every activity with what it still lacks, the firm's own
/// details as controller, and the export the supervisor may ask for at any moment (art. 30(4)), each export recorded.
/// </summary>
[RequirePermission(Permissions.PrivacyRegister)]
public sealed class IndexModel(CrmDbContext db, CurrentUser me, RegisterExports exports, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<(ProcessingActivity Activity, IReadOnlyList<string> Gaps)> Activities { get; private set; } = [];

    public RegisterDetails? Details { get; private set; }

    public IReadOnlyList<string> DetailsGaps { get; private set; } = [];

    public IReadOnlyList<RegisterExport> RecentExports { get; private set; } = [];

    public bool CanExport => me.Has(Permissions.PrivacyRegisterExport);

    public int ActivitiesWithGaps => Activities.Count(a => a.Gaps.Count > 0);

    public async Task OnGetAsync()
    {
        var activities = await db.ProcessingActivities.AsNoTracking().OrderBy(a => a.Status).ThenBy(a => a.Name).ToListAsync();
        Activities = activities.Select(a => (a, RegisterCompleteness.Gaps(a))).ToList();
        Details = await db.RegisterDetails.AsNoTracking().SingleOrDefaultAsync();
        DetailsGaps = RegisterCompleteness.Gaps(Details);
        RecentExports = await db.RegisterExports.AsNoTracking().OrderByDescending(e => e.Version).Take(5).ToListAsync();
    }

    /// <summary>An empty register (a firm from before the register existed) starts from the standard set.</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        if (!await db.ProcessingActivities.AnyAsync())
        {
            db.ProcessingActivities.AddRange(StartingRegister.Activities(clock.GetUtcNow()));
            await db.SaveChangesAsync();
            TempData["Status"] = l["The register now holds the activities every law firm has. Check each one and complete it for your firm."].Value;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostExportAsync(RegisterExportFormat format)
    {
        if (!CanExport)
        {
            return Forbid();
        }

        var activities = await db.ProcessingActivities.AsNoTracking().OrderBy(a => a.Status).ThenBy(a => a.Name).ToListAsync();
        var details = await db.RegisterDetails.AsNoTracking().SingleOrDefaultAsync();
        var firm = await db.Firms.AsNoTracking().Select(f => f.Name).SingleAsync();
        var now = clock.GetUtcNow();
        var version = await RecordAsync(format, activities.Count, now);
        var stamp = Infrastructure.Time.AmsterdamTime.ToLocal(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var name = $"{l["processing-register"]}-{stamp}-v{version}";
        return format switch
        {
            RegisterExportFormat.Pdf => File(exports.Pdf(new RegisterExports.Header(firm, version, now, details), activities), "application/pdf", name + ".pdf"),
            RegisterExportFormat.Csv => File(exports.Csv(activities), "text/csv; charset=utf-8", name + ".csv"),
            _ => File(exports.Xlsx(activities), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
        };
    }

    /// <summary>Records the export under the next version number; two exports at the same moment get one number each.</summary>
    private async Task<int> RecordAsync(RegisterExportFormat format, int activities, DateTimeOffset now)
    {
        for (var attempt = 1; ; attempt++)
        {
            var version = (await db.RegisterExports.MaxAsync(e => (int?)e.Version) ?? 0) + 1;
            var export = new RegisterExport { Version = version, Format = format, ExportedAt = now, ExportedBy = me.DisplayName ?? string.Empty, Activities = activities };
            db.RegisterExports.Add(export);
            try
            {
                await db.SaveChangesAsync();
                return version;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.Entry(export).State = EntityState.Detached;
            }
        }
    }
}
