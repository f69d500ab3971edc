using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Privacy;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// The dossier page: status and its next steps, parties, team and the history. Only for those <see cref="DossierAccess"/>
/// lets see it; anyone else gets "not found", so not even the dossier's existence leaks. Every opening is logged.
/// </summary>
[RequirePermission(Permissions.DossiersRead)]
public sealed class DetailsModel(CrmDbContext db, DossierAccess access, ConflictSearch conflicts, Workflows.WorkflowInstantiation workflows, CurrentUser me, AuditEvents audit, AuditHistory history, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Searching for a contact to add as a party.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Party { get; set; }

    public Dossier Dossier { get; private set; } = null!;

    public IReadOnlyList<Privacy.LegalHold> Holds { get; private set; } = [];

    public string? LawyerName { get; private set; }

    public IReadOnlyList<PartyRow> Parties { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Team { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Addable { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name, int Members)> Teams { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> AddableTeams { get; private set; } = [];

    public IReadOnlyList<Documents.DocumentRow> RecentDocuments { get; private set; } = [];

    public int DocumentCount { get; private set; }

    public IReadOnlyList<Communications.TimelineItem> Communications { get; private set; } = [];

    /// <summary>The dossier's open deadlines, soonest first (a few; the count says how many).</summary>
    public IReadOnlyList<Deadlines.Deadline> OpenDeadlines { get; private set; } = [];

    public int OpenDeadlineCount { get; private set; }

    public DateOnly Today => AmsterdamTime.Today(clock);

    public bool CanAddDeadlines { get; private set; }

    /// <summary>The dates this dossier type's workflow waits for ("Datum vonnis"), to enter on the workflow page.</summary>
    public IReadOnlyList<string> WorkflowDates { get; private set; } = [];

    public IReadOnlyList<Tasks.WorkTask> OpenTasks { get; private set; } = [];

    public int OpenTaskCount { get; private set; }

    public bool CanAddTasks { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> PartyCandidates { get; private set; } = [];

    public IReadOnlyList<AuditHistoryRow> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool CanClose => me.Has(Permissions.DossiersClose);

    /// <summary>The latest conflict check: the dossier can open when it found no conflict or its conflict was waived.</summary>
    public ConflictCheck? LatestCheck { get; private set; }

    /// <summary>The firm's own party roles (<see cref="Access.Firm.PartyRoles"/>), offered after the built-in ones.</summary>
    public IReadOnlyList<string> FirmRoles { get; private set; } = [];

    public IEnumerable<SelectListItem> Roles =>
        EnumOptions.For<PartyRole>(l, "role:").Concat(FirmRoles.Select(r => new SelectListItem(r, PartyRoleChoice.Value(r))));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        audit.Add(AuditActions.View, nameof(Dossier), Id.ToString(), null, Dossier.AuditSubject);
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddPartyAsync(Guid contactId, string? role, DateOnly? startDate)
    {
        if (await EditableAsync() is { } refused)
        {
            return refused;
        }

        if (PartyRoleChoice.Parse(role, FirmRoles) is not var (partyRole, roleLabel) || !await db.Contacts.AnyAsync(c => c.Id == contactId))
        {
            return NotFound();
        }

        if (await db.Set<DossierParty>().AnyAsync(p => p.DossierId == Id && p.ContactId == contactId && p.Role == partyRole))
        {
            ModelState.AddModelError(string.Empty, l["This contact is already a party in this role."]);
            return Page();
        }

        db.Add(new DossierParty { DossierId = Id, ContactId = contactId, Role = partyRole, RoleLabel = roleLabel, StartDate = startDate ?? AmsterdamTime.Today(clock) });
        await TouchAsync();

        // Every new party is checked at once; the new check needs a decision before the dossier can open.
        var check = await conflicts.RunAsync(Id);
        TempData["Status"] = (check.HitCount == 0
            ? l["The party has been added. The conflict check found nothing."]
            : l["The party has been added. The conflict check found {0} hits: look at them before going on.", check.HitCount]).Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostRemovePartyAsync(Guid partyId)
    {
        if (await EditableAsync() is { } refused)
        {
            return refused;
        }

        var party = await db.Set<DossierParty>().SingleOrDefaultAsync(p => p.Id == partyId && p.DossierId == Id);
        if (party is null)
        {
            return NotFound();
        }

        if (party.Role == PartyRole.Client && !await db.Set<DossierParty>().AnyAsync(p => p.DossierId == Id && p.Role == PartyRole.Client && p.Id != partyId))
        {
            ModelState.AddModelError(string.Empty, l["A dossier needs at least one client."]);
            return Page();
        }

        db.Remove(party);
        await TouchAsync();
        TempData["Status"] = l["The party has been removed."].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostAddMemberAsync(Guid userId)
    {
        if (await EditableAsync() is { } refused)
        {
            return refused;
        }

        if (!await db.Users.AnyAsync(u => u.Id == userId && u.DisabledAt == null))
        {
            return NotFound();
        }

        if (userId != Dossier.ResponsibleLawyerId && !await db.Set<DossierMember>().AnyAsync(m => m.DossierId == Id && m.UserId == userId))
        {
            db.Add(new DossierMember { DossierId = Id, UserId = userId });
            await TouchAsync();
        }

        TempData["Status"] = l["The team has been changed."].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid userId)
    {
        if (await EditableAsync() is { } refused)
        {
            return refused;
        }

        var member = await db.Set<DossierMember>().SingleOrDefaultAsync(m => m.DossierId == Id && m.UserId == userId);
        if (member is not null)
        {
            db.Remove(member);
            await TouchAsync();
        }

        TempData["Status"] = l["The team has been changed."].Value;
        return RedirectToPage(new { Id });
    }

    /// <summary>A role ends (a lawyer withdraws, a third party leaves the case): the party stays on record with its dates.</summary>
    public async Task<IActionResult> OnPostEndPartyAsync(Guid partyId, DateOnly? endDate)
    {
        if (await EditableAsync() is { } refused)
        {
            return refused;
        }

        var party = await db.Set<DossierParty>().SingleOrDefaultAsync(p => p.Id == partyId && p.DossierId == Id);
        if (party is null)
        {
            return NotFound();
        }

        if (endDate is { } end && party.StartDate is { } start && end < start)
        {
            ModelState.AddModelError(string.Empty, l["The end date cannot be before the start date ({0}).", start.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
            return Page();
        }

        party.EndDate = endDate;
        await TouchAsync();
        TempData["Status"] = l["The party has been changed."].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostAddTeamAsync(Guid teamId)
    {
        if (await EditableAsync() is { } refused)
        {
            return refused;
        }

        if (!await db.Teams.AnyAsync(t => t.Id == teamId))
        {
            return NotFound();
        }

        if (!await db.DossierTeams.AnyAsync(t => t.DossierId == Id && t.TeamId == teamId))
        {
            db.DossierTeams.Add(new DossierTeam { DossierId = Id, TeamId = teamId });
            await TouchAsync();
        }

        TempData["Status"] = l["The team has been changed."].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostRemoveTeamAsync(Guid teamId)
    {
        if (await EditableAsync() is { } refused)
        {
            return refused;
        }

        var link = await db.DossierTeams.SingleOrDefaultAsync(t => t.DossierId == Id && t.TeamId == teamId);
        if (link is not null)
        {
            db.DossierTeams.Remove(link);
            await TouchAsync();
        }

        TempData["Status"] = l["The team has been changed."].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostChangeStatusAsync(DossierStatus to, string? reason)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var closing = to is DossierStatus.Closed or DossierStatus.Archived || Dossier.Status is DossierStatus.Closed;
        if (!await access.CanEditAsync(Id) || (closing && !CanClose))
        {
            return Forbid();
        }

        if (DossierLifecycle.Refusal(Dossier.Status, to, reason, LatestCheck?.Clears == true) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, l[refusal]);
            return Page();
        }

        var dossier = await db.Dossiers.SingleAsync(d => d.Id == Id);
        var now = clock.GetUtcNow();
        db.DossierStatusChanges.Add(new DossierStatusChange
        {
            DossierId = Id,
            From = dossier.Status,
            To = to,
            At = now,
            ByUserId = me.UserId,
            ByName = me.DisplayName ?? me.ActorName,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        });
        if (to == DossierStatus.Open)
        {
            dossier.OpenedOn ??= AmsterdamTime.Today(clock);
        }

        if (to == DossierStatus.Closed)
        {
            dossier.ClosedOn = AmsterdamTime.Today(clock);
        }
        else if (to == DossierStatus.Open)
        {
            dossier.ClosedOn = null;
        }

        dossier.Status = to;
        dossier.UpdatedAt = now;
        dossier.UpdatedBy = me.DisplayName ?? me.ActorName;
        await db.SaveChangesAsync();
        TempData["Status"] = l["The dossier is now: {0}.", l["status:" + to].Value].Value;
        return RedirectToPage(new { Id });
    }

    /// <summary>Null when the user may change this dossier now; otherwise the answer to give.</summary>
    private async Task<IActionResult?> EditableAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            if (Dossier.IsReadOnly && await access.CanEditAsync(Id))
            {
                ModelState.AddModelError(string.Empty, l["This dossier is closed and can no longer be changed. Reopen it first, with a reason."]);
                return Page();
            }

            return Forbid();
        }

        return null;
    }

    private async Task TouchAsync()
    {
        var dossier = await db.Dossiers.SingleAsync(d => d.Id == Id);
        dossier.UpdatedAt = clock.GetUtcNow();
        dossier.UpdatedBy = me.DisplayName ?? me.ActorName;
        await db.SaveChangesAsync();
    }

    private async Task<bool> LoadAsync()
    {
        var readsDeadlines = me.Has(Permissions.DeadlinesRead);
        var readsTasks = me.Has(Permissions.TasksRead);
        var openDeadlines = db.Deadlines.AsNoTracking().Where(x => x.DossierId == Id && x.Status == Deadlines.DeadlineStatus.Open);
        var openTasks = db.WorkTasks.AsNoTracking().Where(t => t.DossierId == Id && (t.Status == Tasks.WorkTaskStatus.Open || t.Status == Tasks.WorkTaskStatus.InProgress));
        var editable = access.Editable(Id);
        var today = AmsterdamTime.Today(clock);
        // The dossier, if the user may see it, with the page's small facts and short lists in one round trip. Holds
        // and parties are the two collections joined in: a dossier has a handful of parties and rarely a hold.
        var page = await access.VisibleAmong(db.Dossiers.Where(d => d.Id == Id)).AsNoTracking().Select(d => new
        {
            Dossier = d,
            PartyRoles = db.Firms.Select(f => f.PartyRoles).First(),
            Lawyer = db.Users.Where(u => u.Id == d.ResponsibleLawyerId).Select(u => u.DisplayName).FirstOrDefault(),
            Documents = db.Documents.Count(x => x.DossierId == d.Id),
            Deadlines = readsDeadlines ? openDeadlines.Count() : 0,
            Tasks = readsTasks ? openTasks.Count() : 0,
            MayEdit = editable.Any(),
            LatestCheck = db.ConflictChecks.Where(c => c.DossierId == d.Id).OrderByDescending(c => c.RunAt).FirstOrDefault(),
            Holds = db.LegalHolds.InForce(today).Where(h => h.DossierId == d.Id).OrderBy(h => h.PlacedAt).ToList(),
            Parties = d.Parties.Join(db.Contacts, p => p.ContactId, c => c.Id, (p, c) => new { p.Id, p.Role, p.RoleLabel, ContactId = c.Id, c.DisplayName, c.SortKey, p.StartDate, p.EndDate })
                .OrderBy(p => p.Role).ThenBy(p => p.SortKey)
                .ToList(),
        }).SingleOrDefaultAsync();
        if (page is null)
        {
            return false;
        }

        var dossier = page.Dossier;
        Dossier = dossier;
        Holds = page.Holds;
        CanEdit = !dossier.IsReadOnly && page.MayEdit;
        FirmRoles = page.PartyRoles;
        LawyerName = page.Lawyer;
        DocumentCount = page.Documents;
        LatestCheck = page.LatestCheck;
        Parties = [.. page.Parties.Select(p => new PartyRow(p.Id, p.Role, p.RoleLabel, p.ContactId, p.DisplayName, p.StartDate, p.EndDate))];

        // The team card in one query: its people and teams, and for an editor everyone and every team that could join.
        var members = db.Set<DossierMember>().Where(m => m.DossierId == Id).Select(m => m.UserId);
        var onDossier = db.DossierTeams.Where(t => t.DossierId == Id).Select(t => t.TeamId);
        var card = await db.Users.Where(u => members.Contains(u.Id) || (CanEdit && u.DisabledAt == null))
            .Select(u => new { IsTeam = false, u.Id, Name = u.DisplayName, Members = 0, Assigned = members.Contains(u.Id) })
            .Concat(db.Teams.Where(t => CanEdit || onDossier.Contains(t.Id))
                .Select(t => new { IsTeam = true, t.Id, t.Name, Members = t.Members.Count, Assigned = onDossier.Contains(t.Id) }))
            .OrderBy(x => x.Name)
            .ToListAsync();
        Team = [.. card.Where(x => !x.IsTeam && x.Assigned).Select(x => (x.Id, x.Name))];
        Addable = CanEdit ? [.. card.Where(x => !x.IsTeam && !x.Assigned && x.Id != dossier.ResponsibleLawyerId).Select(x => (x.Id, x.Name))] : [];
        Teams = [.. card.Where(x => x.IsTeam && x.Assigned).Select(x => (x.Id, x.Name, x.Members))];
        AddableTeams = CanEdit ? [.. card.Where(x => x.IsTeam && !x.Assigned).Select(x => (x.Id, x.Name))] : [];

        if (me.Has(Permissions.CommunicationsRead))
        {
            Communications = await Features.Communications.TimelineItem.OfDossierAsync(db, Id, 10);
        }

        if (readsDeadlines)
        {
            OpenDeadlineCount = page.Deadlines;
            OpenDeadlines = await openDeadlines.OrderBy(x => x.DueDate).ThenBy(x => x.DueTime).Take(8).ToListAsync();
            CanAddDeadlines = CanEdit && me.Has(Permissions.DeadlinesWrite);
            WorkflowDates = CanAddDeadlines ? await workflows.DateLabelsAsync(Dossier.DossierType) : [];
        }

        if (readsTasks)
        {
            OpenTaskCount = page.Tasks;
            OpenTasks = await openTasks.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenByDescending(t => t.Priority).Take(8).ToListAsync();
            CanAddTasks = CanEdit && me.Has(Permissions.TasksWrite);
        }

        RecentDocuments = (await Documents.DocumentRow.Of(db, db.Documents.Where(d => d.DossierId == Id).OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Take(5))
                .ToListAsync())
            .OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).ToList();
        if (CanEdit)
        {
            PartyCandidates = await db.Contacts.CandidatesAsync(db, Party);
        }

        // The history names people and teams by id: those on the page already are not looked up again.
        var shown = Parties.Select(p => (p.ContactId, p.Name)).Concat(card.Select(x => (x.Id, x.Name)));
        History = await history.ForAsync(Id, 100, HiddenInHistory, LawyerName is null ? shown : shown.Append((dossier.ResponsibleLawyerId, LawyerName)));
        return true;
    }

    private static readonly HashSet<string> HiddenInHistory =
        ["Id", nameof(Features.Communications.Communication.ParticipantNames), nameof(Features.Communications.Communication.BodyMarkdown), nameof(Dossier.UpdatedAt), nameof(Dossier.UpdatedBy), nameof(Dossier.Version), nameof(Dossier.CreatedAt), nameof(DossierParty.DossierId),
         nameof(DossierStatusChange.At), nameof(DossierStatusChange.ByUserId),
         nameof(Documents.Document.RowVersion), nameof(Documents.DocumentVersion.DocumentId), nameof(Documents.DocumentVersion.ContentType),
         nameof(Documents.DocumentVersion.Sha256), nameof(Documents.DocumentVersion.UploadedAt), nameof(Documents.DocumentVersion.UploadedByUserId),
         // A conflict check's hits and what it searched are on its own printable page; the history says who decided what.
         nameof(ConflictCheck.Hits), nameof(ConflictCheck.Searched), nameof(ConflictCheck.RunAt), nameof(ConflictCheck.RunByUserId),
         nameof(ConflictCheck.DecidedAt), nameof(ConflictCheck.DecidedByUserId), nameof(DossierAccessGrant.GrantedAt),
         // A communication's text is in the timeline; the history says what was logged, when and by whom.
         nameof(Features.Communications.Communication.BodyHtml), nameof(Features.Communications.Communication.MessageId), nameof(Features.Communications.Communication.AuthorUserId),
         // A deadline's calculation is on its own page; the history keeps the dates, the rule's name and the reasons.
         nameof(Deadlines.Deadline.Calculation), nameof(Deadlines.Deadline.RuleId), nameof(Deadlines.Deadline.CreatedBy), nameof(Deadlines.Deadline.CompletedByUserId),
         nameof(Deadlines.Deadline.NextReminderAt), nameof(Deadlines.Deadline.LastReminderAt)];

    public sealed record PartyRow(Guid Id, PartyRole Role, string? RoleLabel, Guid ContactId, string Name, DateOnly? StartDate, DateOnly? EndDate);

}
