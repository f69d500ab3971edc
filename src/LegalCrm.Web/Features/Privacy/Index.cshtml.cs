using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// The privacy officer's overview: open requests with the days left, breaches with the hours left on the 72-hour
/// clock, what the register still lacks, processor reviews due, the legal holds in force and the deletions due — each part for those whose
/// role covers it.
/// </summary>
[AnySignedInUser]
public sealed class IndexModel(CrmDbContext db, RetentionSchedule schedule, CurrentUser me, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<string> PrivacyPermissions =
        [Permissions.PrivacyRequests, Permissions.PrivacyRegister, Permissions.PrivacyBreaches, Permissions.PrivacyRetention];

    public DateOnly Today { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<DataSubjectRequest>? Requests { get; private set; }

    public IReadOnlyList<Breach>? Breaches { get; private set; }

    public int? ActivitiesWithGaps { get; private set; }

    public int DetailsGaps { get; private set; }

    public IReadOnlyList<(Guid Id, string Name, DateOnly Review)> ReviewsDue { get; private set; } = [];

    public int? HoldsInForce { get; private set; }

    /// <summary>Records whose retention ended (and are not held), and those whose period ends in the coming 30 days.</summary>
    public (int Due, int Upcoming)? Deletions { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PrivacyPermissions.Any(me.Has))
        {
            return Forbid();
        }

        Today = AmsterdamTime.Today(clock);
        Now = clock.GetUtcNow();
        if (me.Has(Permissions.PrivacyRequests))
        {
            // Open requests are few: ordered by their own deadline (extensions differ) in memory.
            Requests = (await db.DataSubjectRequests.AsNoTracking().Where(r => r.Status == RequestStatus.Open).ToListAsync(ct))
                .OrderBy(r => r.DueOn).ThenBy(r => r.Id).ToList();
        }

        if (me.Has(Permissions.PrivacyBreaches))
        {
            Breaches = await db.Breaches.AsNoTracking().Where(b => b.Status == BreachStatus.Open).OrderBy(b => b.DiscoveredAt).ToListAsync(ct);
        }

        if (me.Has(Permissions.PrivacyRegister))
        {
            var activities = await db.ProcessingActivities.AsNoTracking().ToListAsync(ct);
            ActivitiesWithGaps = activities.Count(a => RegisterCompleteness.Gaps(a).Count > 0);
            DetailsGaps = RegisterCompleteness.Gaps(await db.RegisterDetails.AsNoTracking().SingleOrDefaultAsync(ct)).Count;
            var horizon = Today.AddDays(PrivacyReminders.ReviewDaysAhead);
            ReviewsDue = (await db.Processors.AsNoTracking().Where(p => p.NextReviewOn != null && p.NextReviewOn <= horizon).OrderBy(p => p.NextReviewOn)
                    .Select(p => new { p.Id, p.Name, Review = p.NextReviewOn!.Value }).ToListAsync(ct))
                .Select(p => (p.Id, p.Name, p.Review)).ToList();
        }

        if (me.Has(Permissions.PrivacyRetention))
        {
            HoldsInForce = await db.LegalHolds.InForce(Today).CountAsync(ct);
            var ending = await schedule.EndingBeforeAsync(Today.AddDays(Retention.DueModel.UpcomingDays), ct);
            Deletions = (ending.Count(i => i.IsDue(Today) && i.Blocked is null), ending.Count(i => !i.IsDue(Today)));
        }

        return Page();
    }
}
