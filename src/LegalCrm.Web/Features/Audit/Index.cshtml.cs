using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Audit;

/// <summary>The firm's audit trail with filters on user, record type, action and Amsterdam dates; paged in SQL.</summary>
[RequirePermission(Permissions.AdminAudit)]
public sealed class IndexModel(CrmDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly IReadOnlyList<string> KnownEntityTypes = [nameof(CrmUser), nameof(CrmRole), nameof(Access.Review.AccessReview), nameof(Backups.BackupRun), nameof(CrmUserRole), nameof(Firm), nameof(RoleGrant), nameof(Access.CrmUserToken),
        nameof(Clients.Contact), nameof(Clients.ContactAddress), nameof(Clients.ContactPhone), nameof(Clients.ContactEmail), nameof(Clients.ContactRelationship),
        nameof(Clients.ContactImport), nameof(Clients.MarketingConsent), nameof(Dossiers.Dossier), nameof(Dossiers.DossierMember),
        nameof(Dossiers.DossierParty), nameof(Dossiers.DossierStatusChange), nameof(Dossiers.EthicalWall), nameof(Dossiers.ConflictCheck),
        nameof(Dossiers.DossierAccessGrant), nameof(Dossiers.DossierTeam), nameof(Team), nameof(TeamMember), nameof(Documents.Document),
        nameof(Documents.DocumentVersion), nameof(CrmRoleClaim), nameof(CrmUserClaim), nameof(CrmUserLogin), nameof(Data.NumberSequence),
        nameof(Communications.Communication), nameof(Communications.CommunicationParticipant), nameof(Communications.Mailboxes.Mailbox),
        nameof(Communications.Mailboxes.TriageMessage), nameof(Deadlines.Deadline), nameof(Deadlines.DeadlineRule), nameof(Deadlines.DesignatedHoliday),
        nameof(Tasks.WorkTask), nameof(Tasks.WorkTaskComment), nameof(Agenda.CalendarFeed),
        nameof(Workflows.WorkflowTemplate), nameof(Workflows.WorkflowStep), nameof(Workflows.WorkflowApplication),
        nameof(Privacy.ProcessingActivity), nameof(Privacy.RegisterDetails), nameof(Privacy.RegisterExport), nameof(Privacy.Processor), nameof(Privacy.Dpia), nameof(Privacy.DataSubjectRequest),
        nameof(Privacy.Breach), nameof(Privacy.BreachFollowUp), nameof(Privacy.AccessWithholding), nameof(Privacy.LegalHold), nameof(Privacy.ErasureLogEntry),
        nameof(Privacy.SuppressionEntry), nameof(Privacy.RetentionPolicy), nameof(AuditVerification), nameof(Infrastructure.Keys.FirmKey), nameof(SignInSession)];

    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    /// <summary>One record's trail (a contact, a dossier), e.g. "who viewed this".</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public string? Invalid { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Users { get; private set; } = [];

    public IReadOnlyList<string> EntityTypes => KnownEntityTypes;

    public PageOf<Row> Entries { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public async Task OnGetAsync()
    {
        Users = (await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .Select(u => (u.Id, u.DisplayName)).ToList();

        if (!ModelState.IsValid || (From is not null && To is not null && From > To))
        {
            Invalid = l["Check the filters: the dates must be valid and 'from' may not be after 'up to'."];
            ModelState.Clear();
            From = To = null;
        }

        var query = db.AuditEntries.AsNoTracking();
        if (UserFilter is { } userId)
        {
            query = query.Where(a => a.UserId == userId);
        }

        if (!string.IsNullOrEmpty(Entity))
        {
            query = query.Where(a => a.EntityType == Entity);
        }

        if (Subject is { } subject)
        {
            query = query.Where(a => a.SubjectId == subject);
        }

        if (!string.IsNullOrEmpty(ActionFilter))
        {
            query = query.Where(a => a.Action == ActionFilter);
        }

        if (From is { } from)
        {
            var start = AmsterdamTime.StartOfDayUtc(from);
            query = query.Where(a => a.OccurredAt >= start);
        }

        if (To is { } to)
        {
            var end = AmsterdamTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.OccurredAt < end);
        }

        var page = await query
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.OccurredAt, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Changes, a.IpAddress })
            .ToPageAsync(PageNumber);
        Entries = new PageOf<Row>(
            page.Items.Select(a => new Row(a.OccurredAt, a.ActorName, a.Action, a.EntityType, a.EntityId, a.IpAddress, AuditChanges.Parse(a.Changes))).ToList(),
            page.Page, page.PageSize, page.HasNext);
    }

    public sealed record Row(DateTimeOffset OccurredAt, string ActorName, string Action, string EntityType, string? EntityId, string? IpAddress, IReadOnlyList<AuditChanges.Field> Fields);
}
