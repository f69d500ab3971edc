using LegalCrm.Web.Features.Deadlines;

namespace LegalCrm.Web.Features.Workflows;

/// <summary>A deadline or task a step makes in one dossier: its date, and who it goes to.</summary>
public sealed record PlannedItem(WorkflowStep Step, DateOnly Due, DeadlineCalculation? Calculation, Guid? UserId, Guid? TeamId);

/// <summary>The people of the dossier a step can go to.</summary>
public sealed record DossierPeople(Guid ResponsibleLawyerId, Guid? AssistantId, Guid? TeamId);

/// <summary>
/// What a template's steps become in a dossier, from the trigger date: a rule's deadline is computed by
/// <see cref="DeadlineCalculator"/> (Atw art. 1–3), any other item falls the given number of calendar days later.
/// </summary>
public static class WorkflowPlan
{
    public const int MaxOffsetDays = 3660;

    public static IReadOnlyList<PlannedItem> For(IEnumerable<WorkflowStep> steps, DateOnly from, DossierPeople people, IReadOnlyDictionary<Guid, DeadlineRule> rules, DutchHolidays holidays) =>
        steps.OrderBy(s => s.Position).Select(step =>
        {
            var calculation = step.Kind == WorkflowStepKind.Deadline && step.RuleId is { } ruleId && rules.TryGetValue(ruleId, out var rule)
                ? DeadlineCalculator.Calculate(from, rule.Period, holidays)
                : null;
            var (user, team) = Resolve(step.Assignee, step.Kind, people);
            return new PlannedItem(step, calculation?.Due ?? from.AddDays(step.OffsetDays), calculation, user, team);
        }).ToList();

    public static (Guid? User, Guid? Team) Resolve(WorkflowAssignee assignee, WorkflowStepKind kind, DossierPeople people) => assignee switch
    {
        WorkflowAssignee.Assistant => (people.AssistantId ?? people.ResponsibleLawyerId, null),
        WorkflowAssignee.Team when kind == WorkflowStepKind.Task && people.TeamId is { } team => (null, team),
        _ => (people.ResponsibleLawyerId, null),
    };

    /// <summary>Why a step cannot be saved, or null.</summary>
    public static string? Problem(WorkflowStep step) => step switch
    {
        { Title.Length: 0 } => "Enter a title.",
        { Trigger: WorkflowTrigger.DateEntered, DateLabel: null or "" } => "Name the date the step counts from, such as the date of the judgment.",
        { OffsetDays: < 0 or > MaxOffsetDays } => "The number of days must be between 0 and 3660.",
        { Kind: WorkflowStepKind.Task, RuleId: not null } => "A statutory rule computes deadlines only.",
        _ => null,
    };

    /// <summary>Dossier types are free text: "Ontslag " and "ontslag" are the same type.</summary>
    public static string NormaliseType(string? type) => (type ?? string.Empty).Trim().ToUpperInvariant();
}
