using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Features.Workflows;

namespace LegalCrm.UnitTests.Workflows;

public sealed class WorkflowPlanTests
{
    private static readonly Guid Lawyer = Guid.NewGuid();
    private static readonly Guid Assistant = Guid.NewGuid();
    private static readonly Guid Team = Guid.NewGuid();

    private static readonly DeadlineRule Appeal = new() { Name = "Hoger beroep", Amount = 3, Unit = PeriodUnit.Months, Kind = DeadlineKind.Fatal };

    [Fact]
    public void A_rule_step_is_computed_with_the_Algemene_termijnenwet_and_a_day_step_is_counted_in_calendar_days()
    {
        WorkflowStep[] steps =
        [
            new() { Position = 2, Kind = WorkflowStepKind.Task, Title = "Cliënt informeren", OffsetDays = 2, Assignee = WorkflowAssignee.Assistant },
            new() { Position = 1, Kind = WorkflowStepKind.Deadline, Title = "Appeltermijn", RuleId = Appeal.Id, Assignee = WorkflowAssignee.ResponsibleLawyer },
        ];

        // Judgment Sunday 7 February 2027: 3 months is Friday 7 May 2027, a designated day; then the weekend → Monday 10 May.
        var plan = WorkflowPlan.For(steps, new DateOnly(2027, 2, 7), new DossierPeople(Lawyer, Assistant, null), new Dictionary<Guid, DeadlineRule> { [Appeal.Id] = Appeal }, new DutchHolidays([new DateOnly(2027, 5, 7)]));

        Assert.Equal(["Appeltermijn", "Cliënt informeren"], plan.Select(p => p.Step.Title));
        Assert.Equal(new DateOnly(2027, 5, 10), plan[0].Due);
        Assert.NotNull(plan[0].Calculation);
        Assert.Equal(Lawyer, plan[0].UserId);
        Assert.Equal((new DateOnly(2027, 2, 9), (Guid?)Assistant), (plan[1].Due, plan[1].UserId));
    }

    [Theory]
    [InlineData(WorkflowAssignee.Assistant, WorkflowStepKind.Task, false, false, "lawyer")]
    [InlineData(WorkflowAssignee.Assistant, WorkflowStepKind.Task, true, false, "assistant")]
    [InlineData(WorkflowAssignee.Team, WorkflowStepKind.Task, false, true, "team")]
    [InlineData(WorkflowAssignee.Team, WorkflowStepKind.Task, false, false, "lawyer")]
    [InlineData(WorkflowAssignee.Team, WorkflowStepKind.Deadline, false, true, "lawyer")]
    public void A_step_goes_to_the_role_in_the_dossier_and_falls_back_to_the_responsible_lawyer(WorkflowAssignee assignee, WorkflowStepKind kind, bool hasAssistant, bool hasTeam, string expected)
    {
        var (user, team) = WorkflowPlan.Resolve(assignee, kind, new DossierPeople(Lawyer, hasAssistant ? Assistant : null, hasTeam ? Team : null));

        var who = team == Team ? "team" : user == Assistant ? "assistant" : user == Lawyer ? "lawyer" : "nobody";
        Assert.Equal(expected, who);
    }

    [Fact]
    public void A_step_without_title_or_date_name_or_with_a_rule_on_a_task_is_refused()
    {
        Assert.NotNull(WorkflowPlan.Problem(new WorkflowStep { Title = string.Empty }));
        Assert.NotNull(WorkflowPlan.Problem(new WorkflowStep { Title = "Grieven", Trigger = WorkflowTrigger.DateEntered }));
        Assert.NotNull(WorkflowPlan.Problem(new WorkflowStep { Title = "Grieven", OffsetDays = -1 }));
        Assert.NotNull(WorkflowPlan.Problem(new WorkflowStep { Title = "Grieven", Kind = WorkflowStepKind.Task, RuleId = Guid.NewGuid() }));
        Assert.Null(WorkflowPlan.Problem(new WorkflowStep { Title = "Grieven", Trigger = WorkflowTrigger.DateEntered, DateLabel = "Datum vonnis", OffsetDays = 30 }));
    }

    [Fact]
    public void Dossier_types_match_without_regard_to_case_or_spaces()
    {
        Assert.Equal(WorkflowPlan.NormaliseType("Ontslag"), WorkflowPlan.NormaliseType(" ontslag "));
    }
}
