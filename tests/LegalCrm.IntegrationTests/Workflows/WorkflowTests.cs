using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Workflows;

public sealed class WorkflowTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private Guid _client;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Werkwijzen");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Transport Zuid" });
        _client = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> TemplateAsync(CrmClient admin)
    {
        var saved = await admin.SubmitAsync("/Workflows/Edit", new Dictionary<string, string> { ["Input.Name"] = "Ontslag op staande voet", ["Input.DossierType"] = "Ontslag" }, extra: [new("Input.IsActive", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1]);
        Guid appeal;
        await using (var scope = app.FirmScope(_firm.Id))
        {
            appeal = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().DeadlineRules.Where(r => r.Name == "Hoger beroep").Select(r => r.Id).SingleAsync();
        }

        async Task AddStep(Dictionary<string, string> fields)
        {
            var response = await admin.SubmitAsync($"/Workflows/Edit/{id}", fields, "AddStep");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await CrmClient.ParseAsync(response)).QuerySelector("main")?.TextContent);
        }

        await AddStep(new() { ["Step.Kind"] = "Task", ["Step.Title"] = "Intakegesprek plannen", ["Step.Trigger"] = "DossierOpened", ["Step.OffsetDays"] = "3", ["Step.Assignee"] = "ResponsibleLawyer" });
        await AddStep(new() { ["Step.Kind"] = "Deadline", ["Step.Title"] = "Appeltermijn beschikking", ["Step.Trigger"] = "DateEntered", ["Step.DateLabel"] = "Datum beschikking", ["Step.RuleId"] = appeal.ToString(), ["Step.Assignee"] = "ResponsibleLawyer" });
        await AddStep(new() { ["Step.Kind"] = "Task", ["Step.Title"] = "Cliënt over beroep informeren", ["Step.Trigger"] = "DateEntered", ["Step.DateLabel"] = "datum beschikking", ["Step.OffsetDays"] = "7", ["Step.Assignee"] = "Assistant" });
        return id;
    }

    [Fact]
    public async Task A_dossier_of_the_type_gets_its_first_task_and_entering_the_date_makes_the_appeal_deadline_once()
    {
        using (var admin = await app.SignedInAsync(_firm.Admin))
        {
            await TemplateAsync(admin);
        }

        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var created = await lawyer.SubmitAsync($"/Dossiers/New?client={_client}", new Dictionary<string, string> { ["Input.Title"] = "Ontslag chauffeur", ["Input.DossierType"] = " ontslag " });
        var dossier = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
        var today = AmsterdamTime.Today(TimeProvider.System);

        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var task = await db.WorkTasks.SingleAsync(t => t.DossierId == dossier);
            Assert.Equal(("Intakegesprek plannen", today.AddDays(3), (Guid?)_firm.Lawyer.Id), (task.Title, task.DueDate!.Value, task.AssigneeUserId));
            Assert.False(await db.Deadlines.AnyAsync(d => d.DossierId == dossier));
        }

        var page = await lawyer.GetDocumentAsync($"/Dossiers/{dossier}");
        Assert.Contains("datum beschikking", page.QuerySelector("[data-testid=workflow-dates]")!.TextContent, StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["Date"] = "2027-02-07" };

        var applied = await lawyer.SubmitAsync($"/Dossiers/{dossier}/Workflow", fields);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var after = await lawyer.GetDocumentAsync($"/Dossiers/{dossier}/Workflow");
        Assert.Null(after.QuerySelector("[data-testid=apply-workflow]"));
        Assert.Equal(2, after.QuerySelectorAll("[data-testid=workflow-date] .badge").Length);

        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var deadline = await db.Deadlines.SingleAsync(d => d.DossierId == dossier);
            // 3 months after 7 February 2027 is Friday 7 May, a designated day (seeded for the firm): Monday 10 May.
            Assert.Equal((new DateOnly(2027, 5, 10), DeadlineKind.Fatal, "Hoger beroep", (DateOnly?)new DateOnly(2027, 2, 7)), (deadline.DueDate, deadline.Kind, deadline.RuleName!, deadline.EventDate));
            Assert.Equal([_firm.Lawyer.Id], deadline.ResponsibleUserIds);
            var inform = await db.WorkTasks.SingleAsync(t => t.DossierId == dossier && t.Title == "Cliënt over beroep informeren");
            // No assistant in the dossier's team: the responsible lawyer gets it.
            Assert.Equal((new DateOnly(2027, 2, 14), (Guid?)_firm.Lawyer.Id), (inform.DueDate!.Value, inform.AssigneeUserId));
            Assert.Equal(2, await db.WorkTasks.CountAsync(t => t.DossierId == dossier));
            Assert.Equal(3, await db.WorkflowApplications.CountAsync(a => a.DossierId == dossier));
        }
    }

    [Fact]
    public async Task A_step_counted_from_a_date_needs_the_dates_name_and_only_admins_edit_templates()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);
        var saved = await admin.SubmitAsync("/Workflows/Edit", new Dictionary<string, string> { ["Input.Name"] = "Echtscheiding", ["Input.DossierType"] = "Echtscheiding" }, extra: [new("Input.IsActive", "true")]);
        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];

        var refused = await CrmClient.ParseAsync(await admin.SubmitAsync($"/Workflows/Edit/{id}", new Dictionary<string, string> { ["Step.Kind"] = "Task", ["Step.Title"] = "Convenant", ["Step.Trigger"] = "DateEntered" }, "AddStep"));

        Assert.Contains("Geef de datum een naam", refused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector("[data-testid=steps]"));
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.Http.GetAsync(new Uri("/Workflows", UriKind.Relative))).StatusCode);
        var other = await app.CreateFirmAsync("Ander kantoor werkwijzen");
        using var stranger = await app.SignedInAsync(other.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(new Uri($"/Workflows/Edit/{id}", UriKind.Relative))).StatusCode);
    }
}
