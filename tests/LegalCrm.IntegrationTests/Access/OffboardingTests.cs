using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Agenda;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Access;

public sealed class OffboardingTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task Offboarding_signs_the_leaver_out_revokes_their_access_and_hands_their_open_work_to_a_colleague_except_behind_a_wall()
    {
        var firm = await app.CreateFirmAsync("Vertrek");
        var leaver = await app.AddUserAsync(firm, BuiltInRoles.Lawyer, "vertrekker");
        var successor = firm.Lawyer;
        using var leaverClient = await app.SignedInAsync(leaver);
        var client = await CreateClientAsync(leaverClient, "Vertrek Holding");
        var own = await CreateDossierAsync(leaverClient, client, "Eigen zaak van de vertrekker");
        var walled = await CreateDossierAsync(leaverClient, client, "Zaak waar de opvolger niet in mag");
        using var successorClient = await app.SignedInAsync(successor);
        var theirs = await CreateDossierAsync(successorClient, client, "Zaak van de opvolger");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.Today);
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Set<DossierMember>().Add(new DossierMember { DossierId = theirs, UserId = leaver.Id });
            db.WorkTasks.Add(new WorkTask { Title = "Concept dagvaarding", AssigneeUserId = leaver.Id, DossierId = own, DueDate = today.AddDays(3), CreatedAt = now, UpdatedAt = now, CreatedBy = "test" });
            db.WorkTasks.Add(new WorkTask { Title = "Taak achter de muur", AssigneeUserId = leaver.Id, DossierId = walled, CreatedAt = now, UpdatedAt = now, CreatedBy = "test" });
            db.WorkTasks.Add(new WorkTask { Title = "Al afgerond", AssigneeUserId = leaver.Id, Status = WorkTaskStatus.Done, CreatedAt = now, UpdatedAt = now, CreatedBy = "test" });
            db.Deadlines.Add(new Deadline { DossierId = own, Title = "Hoger beroep", Kind = DeadlineKind.Fatal, DueDate = today.AddDays(20), ResponsibleUserIds = [leaver.Id, successor.Id], Status = DeadlineStatus.Open, CreatedAt = now, UpdatedAt = now, CreatedBy = "test" });
            db.EthicalWalls.Add(new EthicalWall { UserId = successor.Id, DossierId = walled, Reason = "Opvolger adviseerde de wederpartij", CreatedBy = "test" });
            db.CalendarFeeds.Add(new CalendarFeed { UserId = leaver.Id, SecretHash = "x", CreatedAt = now });
            var team = new Team { Name = "Sectie vertrek", CreatedAt = now };
            db.Teams.Add(team);
            db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = leaver.Id });
            (await db.Users.SingleAsync(u => u.Id == firm.Users[BuiltInRoles.Assistant].Id)).BackupUserId = leaver.Id;
            await db.SaveChangesAsync();
        }

        using var admin = await app.SignedInAsync(firm.Admin);
        var page = await admin.GetDocumentAsync($"/Access/Users/{leaver.Id}/Offboard");
        Assert.Equal("2", page.QuerySelectorAll("[data-testid=open-work] dd")[0].TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("[data-testid=open-sessions]")!.TextContent.Trim());

        var noSuccessor = await admin.SubmitAsync($"/Access/Users/{leaver.Id}/Offboard", new Dictionary<string, string> { ["SuccessorId"] = string.Empty });
        Assert.Contains("Kies de collega", (await CrmClient.ParseAsync(noSuccessor)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await leaverClient.GetAsync("/Clients")).StatusCode);

        var done = await admin.SubmitAsync($"/Access/Users/{leaver.Id}/Offboard", new Dictionary<string, string> { ["SuccessorId"] = successor.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var rejected = await leaverClient.GetAsync("/Clients");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Contains("/Account/Login", rejected.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var details = await admin.GetDocumentAsync($"/Access/Users/{leaver.Id}");
        Assert.Contains("1 taken, 1 termijnen en 2 dossiers overgedragen", details.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await NumberOfAsync(firm, walled), details.QuerySelector("[data-testid=error-notice]")!.TextContent, StringComparison.Ordinal);

        await using var check = app.FirmScope(firm.Id);
        var checkDb = check.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.NotNull((await checkDb.Users.SingleAsync(u => u.Id == leaver.Id)).DisabledAt);
        Assert.Equal(successor.Id, await checkDb.Dossiers.Where(d => d.Id == own).Select(d => d.ResponsibleLawyerId).SingleAsync());
        Assert.Equal(leaver.Id, await checkDb.Dossiers.Where(d => d.Id == walled).Select(d => d.ResponsibleLawyerId).SingleAsync());
        Assert.False(await checkDb.Set<DossierMember>().AnyAsync(m => m.UserId == leaver.Id && m.DossierId == theirs));
        Assert.Equal(successor.Id, await checkDb.WorkTasks.Where(t => t.Title == "Concept dagvaarding").Select(t => t.AssigneeUserId).SingleAsync());
        Assert.Equal(leaver.Id, await checkDb.WorkTasks.Where(t => t.Title == "Taak achter de muur").Select(t => t.AssigneeUserId).SingleAsync());
        Assert.Equal(leaver.Id, await checkDb.WorkTasks.Where(t => t.Title == "Al afgerond").Select(t => t.AssigneeUserId).SingleAsync());
        Assert.Equal([successor.Id], await checkDb.Deadlines.Where(d => d.DossierId == own).Select(d => d.ResponsibleUserIds).SingleAsync());
        Assert.False(await checkDb.CalendarFeeds.AnyAsync(f => f.UserId == leaver.Id));
        Assert.False(await checkDb.TeamMembers.AnyAsync(m => m.UserId == leaver.Id));
        Assert.Equal(successor.Id, await checkDb.Users.Where(u => u.Id == firm.Users[BuiltInRoles.Assistant].Id).Select(u => u.BackupUserId).SingleAsync());
        Assert.All(await checkDb.SignInSessions.Where(s => s.UserId == leaver.Id).ToListAsync(), s => Assert.Equal(SessionEnd.Offboarded, s.EndReason));
        Assert.True(await checkDb.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserOffboarded && a.EntityId == leaver.Id.ToString()));
        Assert.True(await checkDb.AuditEntries.AnyAsync(a => a.EntityType == nameof(WorkTask) && a.Action == "update" && a.ActorName == firm.Admin.Email));
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_offboarded_and_nothing_changes()
    {
        var firm = await app.CreateFirmAsync("Vertrek beheerder");
        var userManager = await app.AddUserAsync(firm, BuiltInRoles.ReadOnly, "gebruikersbeheer");
        await using (var scope = app.FirmScope(firm.Id))
        {
            // Someone who may manage users but not roles: not an administrator in the sense of FirmAccess.
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var role = new CrmRole { Name = "Gebruikersbeheer", NormalizedName = "GEBRUIKERSBEHEER", Permissions = [new RoleGrant { Permission = Permissions.AdminUsers }] };
            db.Roles.Add(role);
            db.UserRoles.Add(new CrmUserRole { UserId = userManager.Id, RoleId = role.Id });
            await db.SaveChangesAsync();
        }

        using var client = await app.SignedInAsync(userManager);
        var refused = await client.SubmitAsync($"/Access/Users/{firm.Admin.Id}/Offboard", new Dictionary<string, string> { ["SuccessorId"] = userManager.Id.ToString() });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("geen beheerder meer", (await CrmClient.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        using var admin = await app.SignedInAsync(firm.Admin);
        Assert.Null((await admin.GetDocumentAsync($"/Access/Users/{firm.Admin.Id}/Offboard")).QuerySelector("[data-testid=offboard-form]"));
    }

    private async Task<string> NumberOfAsync(TestFirm firm, Guid dossier)
    {
        await using var scope = app.FirmScope(firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Dossiers.Where(d => d.Id == dossier).Select(d => d.Number).SingleAsync();
    }

    private static async Task<Guid> CreateClientAsync(CrmClient client, string name)
    {
        var created = await client.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = name });
        return Guid.Parse(created.Headers.Location!.OriginalString["/Clients/".Length..]);
    }

    private static async Task<Guid> CreateDossierAsync(CrmClient client, Guid contact, string title)
    {
        var response = await client.SubmitAsync($"/Dossiers/New?client={contact}", new Dictionary<string, string> { ["Input.Title"] = title });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
    }
}
