using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Dossiers;

/// <summary>
/// <see cref="DossierAccess"/> writes its rule in two shapes (sets for lists, per row for one dossier); here both must
/// give the same answer for every way in and out: responsible, member, team, break-glass, wall on user, on team, on client.
/// </summary>
public sealed class DossierAccessTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task Lists_and_single_dossier_checks_agree_for_every_way_in_and_out()
    {
        var firm = await app.CreateFirmAsync("Toegang");
        using var admin = await app.SignedInAsync(firm.Admin);
        var clients = new List<Guid>();
        foreach (var name in new[] { "Cliënt Een", "Cliënt Twee" })
        {
            var created = await admin.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = name });
            clients.Add(Guid.Parse(created.Headers.Location!.OriginalString["/Clients/".Length..]));
        }

        var dossiers = new Dictionary<string, Guid>();
        foreach (var (key, client) in new[] { ("responsible", 0), ("member", 0), ("team", 0), ("team-walled", 0), ("client-walled", 1), ("granted", 0), ("other", 0), ("user-walled", 0) })
        {
            var response = await admin.SubmitAsync($"/Dossiers/New?client={clients[client]}", new Dictionary<string, string> { ["Input.Title"] = key });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            dossiers[key] = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
        }

        var lawyer = firm.Lawyer.Id;
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            (await db.Dossiers.SingleAsync(d => d.Id == dossiers["responsible"])).ResponsibleLawyerId = lawyer;
            (await db.Dossiers.SingleAsync(d => d.Id == dossiers["user-walled"])).ResponsibleLawyerId = lawyer;
            db.Add(new DossierMember { DossierId = dossiers["member"], UserId = lawyer });
            var team = new Team { Name = "Sectie", CreatedAt = DateTimeOffset.UtcNow };
            db.Teams.Add(team);
            db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = lawyer });
            db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = firm.Admin.Id });
            db.DossierTeams.Add(new DossierTeam { DossierId = dossiers["team"], TeamId = team.Id });
            db.DossierTeams.Add(new DossierTeam { DossierId = dossiers["team-walled"], TeamId = team.Id });
            db.DossierTeams.Add(new DossierTeam { DossierId = dossiers["client-walled"], TeamId = team.Id });
            db.EthicalWalls.Add(new EthicalWall { TeamId = team.Id, DossierId = dossiers["team-walled"], Reason = "test", CreatedBy = "test" });
            db.EthicalWalls.Add(new EthicalWall { UserId = lawyer, ClientContactId = clients[1], Reason = "test", CreatedBy = "test" });
            db.EthicalWalls.Add(new EthicalWall { UserId = lawyer, DossierId = dossiers["user-walled"], Reason = "test", CreatedBy = "test" });
            db.DossierAccessGrants.Add(new DossierAccessGrant { DossierId = dossiers["granted"], UserId = lawyer, Reason = "test", GrantedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) });
            await db.SaveChangesAsync();
        }

        var lawyerView = await ViewAsync(firm, lawyer, BuiltInRoles.Lawyer, dossiers.Values);
        var adminView = await ViewAsync(firm, firm.Admin.Id, BuiltInRoles.Admin, dossiers.Values);

        string[] Keys(IEnumerable<Guid> ids) => [.. dossiers.Where(d => ids.Contains(d.Value)).Select(d => d.Key).Order()];
        Assert.Equal(["granted", "member", "responsible", "team"], Keys(lawyerView.Visible));
        Assert.Equal(["member", "responsible", "team"], Keys(lawyerView.Mine));
        Assert.Equal(Keys(lawyerView.Visible), Keys(lawyerView.SeenOneByOne));
        Assert.Equal(Keys(lawyerView.Mine), Keys(lawyerView.EditableOneByOne));
        Assert.Equal(Keys(lawyerView.Visible), Keys(lawyerView.Among));
        Assert.DoesNotContain("team-walled", Keys(adminView.Visible));
        Assert.Equal(7, adminView.Visible.Count);
        Assert.Equal(Keys(adminView.Visible), Keys(adminView.SeenOneByOne));
        Assert.Equal(Keys(adminView.Mine), Keys(adminView.EditableOneByOne));
        Assert.Equal(Keys(adminView.Visible), Keys(adminView.Among));
    }

    private async Task<View> ViewAsync(TestFirm firm, Guid userId, string role, IEnumerable<Guid> all)
    {
        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var teams = await db.TeamMembers.Where(m => m.UserId == userId).Select(m => m.TeamId).ToListAsync();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SignedIn(userId, "x@test", "x", BuiltInRoles.Get(role).Permissions, teams, mustEnrolTwoFactor: false);
        var access = scope.ServiceProvider.GetRequiredService<DossierAccess>();
        var ids = all.ToList();
        var seen = new List<Guid>();
        var editable = new List<Guid>();
        foreach (var id in ids)
        {
            if (await access.CanSeeAsync(id))
            {
                seen.Add(id);
            }

            if (await access.CanEditAsync(id))
            {
                editable.Add(id);
            }
        }

        return new View(
            await access.Visible().Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(),
            await access.Mine().Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(),
            seen,
            editable,
            await access.VisibleAmong(db.Dossiers.Where(d => ids.Contains(d.Id))).Select(d => d.Id).ToListAsync());
    }

    private sealed record View(List<Guid> Visible, List<Guid> Mine, List<Guid> SeenOneByOne, List<Guid> EditableOneByOne, List<Guid> Among);
}
