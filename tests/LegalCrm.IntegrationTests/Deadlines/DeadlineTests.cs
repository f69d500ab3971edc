using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Deadlines;

public sealed class DeadlineTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private Guid _dossier;
    private Guid _appealRule;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Termijnen");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Bouwbedrijf Oost" });
        var clientId = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = "Aanneming dakwerk" });
        _dossier = Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
        await lawyer.SubmitAsync($"/Dossiers/{_dossier}", new Dictionary<string, string> { ["userId"] = _firm.Users[BuiltInRoles.Assistant].Id.ToString() }, "AddMember");
        await using var scope = app.FirmScope(_firm.Id);
        _appealRule = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().DeadlineRules.Where(r => r.Name == "Hoger beroep").Select(r => r.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Dictionary<string, string> AppealFrom(string judgmentDate) => new()
    {
        ["Input.RuleId"] = _appealRule.ToString(),
        ["Input.EventDate"] = judgmentDate,
        ["Input.ResponsibleUserIds"] = _firm.Lawyer.Id.ToString(),
        ["Input.PastConfirmed"] = "true",
    };

    private async Task<Deadline> SingleDeadlineAsync(string title)
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Deadlines.AsNoTracking().SingleAsync(d => d.Title == title);
    }

    [Fact]
    public async Task A_lawyer_computes_an_appeal_deadline_from_the_judgment_date_sees_the_reasoning_and_saves_it()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var url = $"/Deadlines/Edit?dossier={_dossier}";

        var form = (await lawyer.GetDocumentAsync(url)).QuerySelector<IHtmlFormElement>("[data-testid=deadline-form]")!;
        // As the "Calculate" button does: the same form, sent to its formaction.
        var calculate = form.QuerySelector("[data-testid=deadline-calculate]")!.GetAttribute("formaction")!;
        form.RemoveAttribute("action");
        var preview = await CrmClient.ParseAsync(await lawyer.PostFormAsync(form, calculate, AppealFrom("2026-02-15")));

        // 15 May 2026 is designated by decree, then a weekend: Monday 18 May (Atw art. 1).
        Assert.Equal("2026-05-18", preview.QuerySelector<IHtmlInputElement>("#due")!.Value);
        Assert.Equal("Hoger beroep", preview.QuerySelector<IHtmlInputElement>("#title")!.Value);
        Assert.Contains("3 maanden na 15-02-2026 = 15-05-2026, een bij besluit gelijkgestelde dag → Maandag 18-05-2026 (art. 1 Atw)", preview.QuerySelector("[data-testid=deadline-explanation]")!.TextContent, StringComparison.Ordinal);

        var saved = await lawyer.SubmitAsync(url, AppealFrom("2026-02-15"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var deadline = await SingleDeadlineAsync("Hoger beroep");
        Assert.Equal(new DateOnly(2026, 5, 18), deadline.DueDate);
        Assert.Equal(DeadlineKind.Fatal, deadline.Kind);
        Assert.Equal(new DateOnly(2026, 2, 15), deadline.EventDate);
        Assert.Equal([14, 7, 3, 1], deadline.ReminderDays);
        Assert.Equal([_firm.Lawyer.Id], deadline.ResponsibleUserIds);
        var details = await lawyer.GetDocumentAsync($"/Deadlines/{deadline.Id}");
        Assert.Contains("art. 1 Atw", details.QuerySelector("[data-testid=deadline-explanation]")!.TextContent, StringComparison.Ordinal);
        var dossierPage = await lawyer.GetDocumentAsync($"/Dossiers/{_dossier}");
        Assert.Contains("Hoger beroep", dossierPage.QuerySelector("[data-testid=open-deadlines]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Termijn", dossierPage.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hoger beroep", (await lawyer.GetDocumentAsync("/Deadlines?status=Open")).QuerySelector("[data-testid=deadlines]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_without_its_date_a_reminder_after_the_deadline_and_no_one_responsible_are_refused_and_nothing_is_saved()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);

        var response = await lawyer.SubmitAsync($"/Deadlines/Edit?dossier={_dossier}", new Dictionary<string, string>
        {
            ["Input.RuleId"] = _appealRule.ToString(),
            ["Input.Title"] = "Zonder datum",
            ["Input.ReminderDays"] = "7, -1",
        });

        var errors = (await CrmClient.ParseAsync(response)).QuerySelector("main")!.TextContent;
        Assert.Contains("Vul de datum in waarvan wordt gerekend (Datum vonnis)", errors, StringComparison.Ordinal);
        Assert.Contains("Een herinnering kan niet na de termijn komen", errors, StringComparison.Ordinal);
        Assert.Contains("Kies ten minste één verantwoordelijke", errors, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        Assert.False(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Deadlines.AnyAsync(d => d.Title == "Zonder datum"));
    }

    [Fact]
    public async Task A_due_date_in_the_past_is_saved_only_after_a_second_look()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var url = $"/Deadlines/Edit?dossier={_dossier}";
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Conclusie van antwoord",
            ["Input.Kind"] = "Internal",
            ["Input.DueDate"] = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ResponsibleUserIds"] = _firm.Lawyer.Id.ToString(),
        };

        var warned = await CrmClient.ParseAsync(await lawyer.SubmitAsync(url, fields));

        Assert.Contains("Deze datum ligt in het verleden", warned.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(warned.QuerySelector("input[name='Input.PastConfirmed'][value=true]"));
        await using (var scope = app.FirmScope(_firm.Id))
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Deadlines.AnyAsync(d => d.Title == "Conclusie van antwoord"));
        }

        var confirmed = await lawyer.PostFormAsync(warned.QuerySelector<IHtmlFormElement>("[data-testid=deadline-form]")!, url, fields);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(DeadlineKind.Internal, (await SingleDeadlineAsync("Conclusie van antwoord")).Kind);
    }

    [Fact]
    public async Task A_fatal_deadline_moves_only_with_the_permission_and_a_reason_and_its_deletion_keeps_the_reason_in_the_audit_trail()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var fields = AppealFrom("2027-03-01");
        fields["Input.Title"] = "Appel termijn";
        await lawyer.SubmitAsync($"/Deadlines/Edit?dossier={_dossier}", fields);
        var deadline = await SingleDeadlineAsync("Appel termijn");
        Assert.Equal(new DateOnly(2027, 6, 1), deadline.DueDate);
        var move = new Dictionary<string, string> { ["Input.RuleId"] = "", ["Input.DueDate"] = "2027-06-15", ["Input.ResponsibleUserIds"] = _firm.Lawyer.Id.ToString() };

        // An assistant in the team may add and complete deadlines, but not move a fatal one.
        using (var assistant = await app.SignedInAsync(_firm.Users[BuiltInRoles.Assistant]))
        {
            var refused = await CrmClient.ParseAsync(await assistant.SubmitAsync($"/Deadlines/Edit/{deadline.Id}", move));
            Assert.Contains("Alleen wie fatale termijnen mag beheren", refused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostDeleteAsync(assistant, deadline.Id, "foutje")).StatusCode);
        }

        var noReason = await CrmClient.ParseAsync(await lawyer.SubmitAsync($"/Deadlines/Edit/{deadline.Id}", move));
        Assert.Contains("Geef de reden voor het wijzigen van een fatale termijn", noReason.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 6, 1), (await SingleDeadlineAsync("Appel termijn")).DueDate);

        move["Input.Reason"] = "Vonnis pas later betekend";
        Assert.Equal(HttpStatusCode.Redirect, (await lawyer.SubmitAsync($"/Deadlines/Edit/{deadline.Id}", move)).StatusCode);
        Assert.Equal(new DateOnly(2027, 6, 15), (await SingleDeadlineAsync("Appel termijn")).DueDate);

        var withoutReason = await CrmClient.ParseAsync(await PostDeleteAsync(lawyer, deadline.Id, ""));
        Assert.Contains("Geef de reden", withoutReason.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostDeleteAsync(lawyer, deadline.Id, "Zaak geschikt")).StatusCode);

        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.False(await db.Deadlines.AnyAsync(d => d.Id == deadline.Id));
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Deadline) && a.EntityId == deadline.Id.ToString()).OrderBy(a => a.OccurredAt).ToListAsync();
        Assert.Contains(trail, a => a.Action == AuditActions.Update && a.Changes!.Contains("Vonnis pas later betekend", StringComparison.Ordinal) && a.Changes.Contains("2027-06-15", StringComparison.Ordinal));
        Assert.Equal(AuditActions.Delete, trail[^1].Action);
        Assert.Contains("Zaak geschikt", trail[^1].Changes!, StringComparison.Ordinal);
        Assert.Equal(_dossier, trail[^1].SubjectId);
    }

    [Fact]
    public async Task Someone_outside_the_dossier_team_neither_sees_nor_adds_its_deadlines()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var fields = AppealFrom("2027-01-10");
        fields["Input.Title"] = "Geheim appel";
        await lawyer.SubmitAsync($"/Deadlines/Edit?dossier={_dossier}", fields);
        var deadline = await SingleDeadlineAsync("Geheim appel");
        var outsider = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "buitenstaander");

        using var other = await app.SignedInAsync(outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Deadlines/{deadline.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Deadlines/Edit/{deadline.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Deadlines/Edit?dossier={_dossier}")).StatusCode);
        // The list checks visibility as a set (someone who sees little) or row by row (a window of days, someone who
        // sees much): both give the same answer.
        Assert.DoesNotContain("Geheim appel", (await other.GetDocumentAsync("/Deadlines?scope=all")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim appel", (await other.GetDocumentAsync("/Deadlines?scope=all&within=366")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Geheim appel", (await lawyer.GetDocumentAsync("/Deadlines?scope=all")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Geheim appel", (await lawyer.GetDocumentAsync("/Deadlines?scope=all&within=366")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_dossier_with_open_deadlines_warns_first_and_completing_one_records_who_and_when()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var fields = AppealFrom("2027-04-01");
        fields["Input.Title"] = "Memorie van grieven";
        await lawyer.SubmitAsync($"/Deadlines/Edit?dossier={_dossier}", fields);
        var deadline = await SingleDeadlineAsync("Memorie van grieven");

        Assert.Contains("openstaande termijnen", (await lawyer.GetDocumentAsync($"/Dossiers/{_dossier}")).QuerySelector("[data-testid=close-warning]")!.TextContent, StringComparison.Ordinal);

        using (var assistant = await app.SignedInAsync(_firm.Users[BuiltInRoles.Assistant]))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await assistant.SubmitAsync($"/Deadlines/{deadline.Id}", new Dictionary<string, string>(), "Complete")).StatusCode);
        }

        var done = await SingleDeadlineAsync("Memorie van grieven");
        Assert.Equal(DeadlineStatus.Done, done.Status);
        Assert.Equal(_firm.Users[BuiltInRoles.Assistant].Id, done.CompletedByUserId);
        Assert.NotNull(done.CompletedOn);
    }

    [Fact]
    public async Task A_backward_rule_with_the_Atw_is_refused_and_a_designated_day_added_by_an_admin_moves_new_calculations()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);

        var ruleForm = (await admin.GetDocumentAsync("/Deadlines/Rules")).QuerySelector<IHtmlFormElement>("[data-testid=rule-form]")!;
        var refused = await CrmClient.ParseAsync(await admin.PostFormAsync(ruleForm, "/Deadlines/Rules", new Dictionary<string, string>
        {
            ["Input.Name"] = "Conclusie voor zitting",
            ["Input.Amount"] = "2",
            ["Input.Unit"] = "Weeks",
            ["Input.Direction"] = "Backward",
            ["Input.AtwApplies"] = "true",
        }));
        Assert.Contains("art. 1 lid 2 Atw", refused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Wednesday 3 March 2027 is an ordinary working day until a decree says otherwise.
        var url = "/Deadlines/Calculator?rule=" + _appealRule + "&date=2026-12-03";
        Assert.Contains("3 maart 2027", (await admin.GetDocumentAsync(url)).QuerySelector("[data-testid=calc-due]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/Deadlines/Holidays", new Dictionary<string, string> { ["date"] = "2027-03-03", ["description"] = "Testbesluit" }, "Add")).StatusCode);
        var moved = await admin.GetDocumentAsync(url);
        Assert.Contains("4 maart 2027", moved.QuerySelector("[data-testid=calc-due]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("gelijkgestelde dag", moved.QuerySelector("[data-testid=calc-explanation]")!.TextContent, StringComparison.Ordinal);

        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Deadlines/Holidays")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Deadlines/Rules")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_shows_the_lawyers_overdue_deadlines_and_those_due_this_week()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (title, offset) in new[] { ("Reactie wederpartij", -3), ("Producties indienen", 2) })
        {
            await lawyer.SubmitAsync($"/Deadlines/Edit?dossier={_dossier}", new Dictionary<string, string>
            {
                ["Input.Title"] = title,
                ["Input.Kind"] = "Internal",
                ["Input.DueDate"] = Day(offset),
                ["Input.PastConfirmed"] = "true",
                ["Input.ResponsibleUserIds"] = _firm.Lawyer.Id.ToString(),
            });
        }

        var dashboard = await lawyer.GetDocumentAsync("/");

        Assert.Contains("Reactie wederpartij", dashboard.QuerySelector("[data-testid=overdue-title]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Producties indienen", dashboard.QuerySelector("[data-testid=overdue-title]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Producties indienen", dashboard.QuerySelector("[data-testid=week-title]")!.TextContent, StringComparison.Ordinal);
        using var assistant = await app.SignedInAsync(_firm.Users[BuiltInRoles.Assistant]);
        Assert.DoesNotContain("Producties indienen", (await assistant.GetDocumentAsync("/")).Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Posts the delete handler as the page's form would, also for a user who is not shown that form.</summary>
    private static async Task<HttpResponseMessage> PostDeleteAsync(CrmClient user, Guid deadline, string reason)
    {
        var page = await user.GetDocumentAsync($"/Deadlines/{deadline}");
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        return await user.Http.PostAsync(
            new Uri($"/Deadlines/{deadline}?handler=Delete", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("reason", reason)]));
    }
}
