using System.Globalization;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Deadlines;

/// <summary>
/// One deadline: how its date was computed, who is responsible, and the steps it can take — done, reopened, cancelled
/// with a reason, deleted (a fatal one only with <c>deadlines.fatal.manage</c> and a reason). Every step is audited in
/// the dossier's history.
/// </summary>
[RequirePermission(Permissions.DeadlinesRead)]
public sealed class DetailsModel(CrmDbContext db, DossierAccess dossiers, DeadlineAccess deadlines, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Deadline Deadline { get; private set; } = null!;

    public Dossier Dossier { get; private set; } = null!;

    public string? Explanation { get; private set; }

    public IReadOnlyList<string> Responsible { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public bool MayAlter => CanWrite && deadlines.MayAlter(Deadline);

    public DateOnly Today => AmsterdamTime.Today(clock);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostCompleteAsync() => ChangeAsync(d =>
    {
        if (d.Status != DeadlineStatus.Open)
        {
            return l["Only an open deadline can be marked done."];
        }

        d.Status = DeadlineStatus.Done;
        d.CompletedOn = Today;
        d.CompletedByUserId = me.UserId;
        d.CompletedByName = me.DisplayName ?? me.ActorName;
        return null;
    }, l["The deadline is done."]);

    public Task<IActionResult> OnPostReopenAsync() => ChangeAsync(d =>
    {
        if (d.Status == DeadlineStatus.Open)
        {
            return l["The deadline is already open."];
        }

        d.Status = DeadlineStatus.Open;
        (d.CompletedOn, d.CompletedByUserId, d.CompletedByName, d.CancelReason) = (null, null, null, null);
        return null;
    }, l["The deadline is open again."]);

    public Task<IActionResult> OnPostCancelAsync(string? reason) => ChangeAsync(d =>
    {
        if (d.Status != DeadlineStatus.Open)
        {
            return l["Only an open deadline can be cancelled."];
        }

        if (!deadlines.MayAlter(d))
        {
            return l["Only people allowed to manage fatal deadlines can cancel one."];
        }

        // Cancelling always needs a reason ("the client withdrew"); for a fatal deadline the rule of DeadlineRules applies too.
        if (DeadlineRules.ReasonRefusal(DeadlineKind.Fatal, reason) is { } refusal)
        {
            return l[refusal];
        }

        d.Status = DeadlineStatus.Cancelled;
        d.CancelReason = reason!.Trim();
        return null;
    }, l["The deadline has been cancelled."]);

    public async Task<IActionResult> OnPostDeleteAsync(string? reason)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanWrite || !deadlines.MayAlter(Deadline))
        {
            return Forbid();
        }

        if (DeadlineRules.ReasonRefusal(Deadline.Kind, reason) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, l[refusal]);
            return Page();
        }

        // The reason is written onto the row first, so the audit trail's record of the deletion carries it.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var deadline = await db.Deadlines.SingleAsync(d => d.Id == Id);
        if (!string.IsNullOrWhiteSpace(reason))
        {
            deadline.ChangeReason = reason.Trim();
            await db.SaveChangesAsync();
        }

        db.Deadlines.Remove(deadline);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["Status"] = l["The deadline has been deleted."].Value;
        return Redirect($"/Dossiers/{Dossier.Id}");
    }

    /// <summary>Loads, checks that the user may change this deadline, applies the change (or shows why not) and saves.</summary>
    private async Task<IActionResult> ChangeAsync(Func<Deadline, string?> change, LocalizedString done)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanWrite)
        {
            return Forbid();
        }

        var deadline = await db.Deadlines.SingleAsync(d => d.Id == Id);
        if (change(deadline) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }

        deadline.UpdatedAt = clock.GetUtcNow();
        deadline.PlanReminders(deadline.UpdatedAt);
        await db.SaveChangesAsync();
        TempData["Status"] = done.Value;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync()
    {
        if (await deadlines.FindAsync(Id) is not { } deadline || await dossiers.FindAsync(deadline.DossierId) is not { } dossier)
        {
            return false;
        }

        (Deadline, Dossier) = (deadline, dossier);
        CanWrite = await deadlines.CanWriteAsync(dossier);
        if (DeadlineCalculation.FromJson(deadline.Calculation) is { } calculation)
        {
            Explanation = DeadlineExplanation.Describe(calculation, l, CultureInfo.CurrentCulture);
        }

        var ids = deadline.ResponsibleUserIds;
        Responsible = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync();
        return true;
    }
}
