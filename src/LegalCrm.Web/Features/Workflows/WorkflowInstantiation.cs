using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LegalCrm.Web.Features.Workflows;

/// <summary>
/// Carries out a dossier type's templates in one dossier: makes the deadlines and tasks of the steps with the given
/// trigger, once per step (<see cref="WorkflowApplication"/>), in the caller's transaction. A step already carried out is
/// left alone; correcting its date is done on the deadline or task itself.
/// </summary>
public sealed class WorkflowInstantiation(CrmDbContext db, CurrentUser me, TimeProvider clock)
{
    /// <summary>The active steps for this dossier's type and trigger (and date name), with whether each was carried out.</summary>
    public async Task<IReadOnlyList<(WorkflowStep Step, WorkflowApplication? Applied)>> StepsAsync(Guid dossierId, string? dossierType, WorkflowTrigger trigger, string? dateLabel = null, CancellationToken ct = default)
    {
        var type = WorkflowPlan.NormaliseType(dossierType);
        if (type.Length == 0)
        {
            return [];
        }

        var templates = await TemplatesOfTypeAsync(type, ct);
        var steps = await db.WorkflowSteps.AsNoTracking()
            .Where(s => templates.Contains(s.TemplateId))
            .Where(s => s.Trigger == trigger)
            .ToListAsync(ct);
        if (dateLabel is not null)
        {
            steps = steps.Where(s => string.Equals(s.DateLabel?.Trim(), dateLabel.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var stepIds = steps.Select(s => s.Id).ToList();
        var applied = await db.WorkflowApplications.AsNoTracking().Where(a => a.DossierId == dossierId && stepIds.Contains(a.StepId)).ToDictionaryAsync(a => a.StepId, ct);
        return steps.OrderBy(s => s.Position).Select(s => (s, applied.GetValueOrDefault(s.Id))).ToList();
    }

    /// <summary>The names of the dates this dossier's type asks for ("Datum vonnis"), in template order.</summary>
    public async Task<IReadOnlyList<string>> DateLabelsAsync(string? dossierType, CancellationToken ct = default)
    {
        var type = WorkflowPlan.NormaliseType(dossierType);
        if (type.Length == 0)
        {
            return [];
        }

        // One round trip (the dossier page asks on every opening): the firm's few date steps with their template's type.
        var steps = await db.WorkflowSteps.AsNoTracking()
            .Where(s => s.Trigger == WorkflowTrigger.DateEntered && s.DateLabel != null)
            .Join(db.WorkflowTemplates.Where(t => t.IsActive), s => s.TemplateId, t => t.Id, (s, t) => new { t.DossierType, s.Position, Label = s.DateLabel! })
            .OrderBy(s => s.Position)
            .ToListAsync(ct);
        return steps.Where(s => WorkflowPlan.NormaliseType(s.DossierType) == type).Select(s => s.Label.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Makes the items of the steps not carried out yet; returns how many deadlines and tasks were made. Saves.</summary>
    public async Task<(int Deadlines, int Tasks)> ApplyAsync(Dossier dossier, WorkflowTrigger trigger, DateOnly from, string? dateLabel = null, CancellationToken ct = default)
    {
        var open = (await StepsAsync(dossier.Id, dossier.DossierType, trigger, dateLabel, ct)).Where(s => s.Applied is null).Select(s => s.Step).ToList();
        if (open.Count == 0)
        {
            return (0, 0);
        }

        var ruleIds = open.Where(s => s.RuleId is not null).Select(s => s.RuleId!.Value).ToList();
        var rules = await db.DeadlineRules.AsNoTracking().Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var holidays = await FirmHolidays.LoadAsync(db, ct);
        var plan = WorkflowPlan.For(open, from, await PeopleAsync(dossier, ct), rules, holidays);

        var now = clock.GetUtcNow();
        var by = me.DisplayName ?? me.ActorName;
        var (deadlines, tasks) = (0, 0);
        foreach (var item in plan)
        {
            var step = item.Step;
            if (step.Kind == WorkflowStepKind.Deadline)
            {
                var rule = step.RuleId is { } ruleId ? rules.GetValueOrDefault(ruleId) : null;
                var kind = rule?.Kind ?? step.DeadlineKind;
                var deadline = new Deadline
                {
                    DossierId = dossier.Id,
                    Title = step.Title,
                    DueDate = item.Due,
                    Kind = kind,
                    RuleId = rule?.Id,
                    RuleName = rule?.Name,
                    EventDate = rule is null ? null : from,
                    Calculation = item.Calculation?.ToJson(),
                    ResponsibleUserIds = [item.UserId!.Value],
                    ReminderDays = [.. DeadlineRules.DefaultReminderDays(kind)],
                    CreatedAt = now,
                    CreatedBy = by,
                    UpdatedAt = now,
                };
                deadline.PlanReminders(now);
                db.Deadlines.Add(deadline);
                deadlines++;
            }
            else
            {
                db.WorkTasks.Add(new WorkTask
                {
                    Title = step.Title,
                    AssigneeUserId = item.UserId,
                    AssigneeTeamId = item.TeamId,
                    DueDate = item.Due,
                    Priority = step.Priority,
                    DossierId = dossier.Id,
                    CreatedAt = now,
                    CreatedBy = by,
                    UpdatedAt = now,
                });
                tasks++;
            }

            db.WorkflowApplications.Add(new WorkflowApplication { DossierId = dossier.Id, StepId = step.Id, FromDate = from, AppliedAt = now, AppliedBy = by });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone entered the same date a moment earlier: their deadlines and tasks stand, ours are not made twice.
            db.ChangeTracker.Clear();
            return (0, 0);
        }

        return (deadlines, tasks);
    }

    /// <summary>A firm has a few dozen templates at most: compared in memory, as <see cref="WorkflowPlan.NormaliseType"/> says.</summary>
    private async Task<List<Guid>> TemplatesOfTypeAsync(string normalisedType, CancellationToken ct) =>
        (await db.WorkflowTemplates.AsNoTracking().Where(t => t.IsActive).Select(t => new { t.Id, t.DossierType }).ToListAsync(ct))
            .Where(t => WorkflowPlan.NormaliseType(t.DossierType) == normalisedType)
            .Select(t => t.Id)
            .ToList();

    private async Task<DossierPeople> PeopleAsync(Dossier dossier, CancellationToken ct)
    {
        var members = db.Set<DossierMember>().Where(m => m.DossierId == dossier.Id).Select(m => m.UserId);
        var assistant = await db.UserRoles
            .Where(ur => members.Contains(ur.UserId) && db.Roles.Any(r => r.Id == ur.RoleId && r.BuiltInKey == BuiltInRoles.Assistant))
            .Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.DisabledAt == null))
            .OrderBy(ur => ur.UserId)
            .Select(ur => (Guid?)ur.UserId)
            .FirstOrDefaultAsync(ct);
        var team = await db.DossierTeams.Where(t => t.DossierId == dossier.Id).OrderBy(t => t.Id).Select(t => (Guid?)t.TeamId).FirstOrDefaultAsync(ct);
        return new DossierPeople(dossier.ResponsibleLawyerId, assistant, team);
    }
}
