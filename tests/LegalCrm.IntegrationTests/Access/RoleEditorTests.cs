using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Access;

public sealed class RoleEditorTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task A_role_copied_and_narrowed_changes_what_its_holder_may_do_at_their_next_request_and_is_audited()
    {
        var firm = await app.CreateFirmAsync("Rollen kopie");
        using var admin = await app.SignedInAsync(firm.Admin);
        var intern = await app.AddUserAsync(firm, BuiltInRoles.ReadOnly, "stagiair");
        using var internClient = await app.SignedInAsync(intern);
        Assert.Equal(HttpStatusCode.OK, (await internClient.GetAsync("/Clients")).StatusCode);

        var lawyerRole = await RoleIdAsync(firm, BuiltInRoles.Lawyer);
        var created = await admin.SubmitAsync("/Access/Roles", new Dictionary<string, string> { ["Name"] = "Stagiair", ["CopyOf"] = lawyerRole.ToString() }, handler: "Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var roleId = Guid.Parse(created.Headers.Location!.OriginalString["/Access/Roles/".Length..]);
        Assert.Equal((await GrantsAsync(firm, lawyerRole)).Order(), (await GrantsAsync(firm, roleId)).Order());

        var userPage = await admin.GetDocumentAsync($"/Access/Users/{intern.Id}");
        await admin.PostFormAsync(userPage.QuerySelector<IHtmlFormElement>("form[action*=Roles]")!, $"/Access/Users/{intern.Id}", new Dictionary<string, string>(), [new("RoleIds", roleId.ToString())]);

        var saved = await admin.SubmitAsync($"/Access/Roles/{roleId}", new Dictionary<string, string> { ["Name"] = "Stagiair (geen cliënten)" }, handler: "Save",
            extra: [new("Granted", Permissions.DossiersRead), new("Granted", Permissions.TasksRead)]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await internClient.GetAsync("/Clients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await internClient.GetAsync("/Tasks")).StatusCode);
        var menu = (await internClient.GetDocumentAsync("/")).QuerySelector("nav.mainnav")!.TextContent;
        Assert.DoesNotContain("Contacten", menu, StringComparison.Ordinal);
        Assert.Contains("Taken", menu, StringComparison.Ordinal);

        await using var scope = app.FirmScope(firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var trail = await db.AuditEntries.Where(a => a.SubjectId == roleId).Select(a => new { a.EntityType, a.Action, a.ActorName }).ToListAsync();
        Assert.Contains(trail, a => a.EntityType == nameof(RoleGrant) && a.Action == "delete" && a.ActorName == firm.Admin.Email);
        Assert.Contains(trail, a => a.EntityType == nameof(CrmRole) && a.Action == "update");
        Assert.Equal("Stagiair (geen cliënten)", await db.Roles.Where(r => r.Id == roleId).Select(r => r.Name).SingleAsync());
    }

    [Fact]
    public async Task The_last_administrator_cannot_lose_admin_rights_through_the_role_and_nothing_is_saved()
    {
        var firm = await app.CreateFirmAsync("Rollen laatste beheerder");
        using var admin = await app.SignedInAsync(firm.Admin);
        var adminRole = await RoleIdAsync(firm, BuiltInRoles.Admin);
        var before = await GrantsAsync(firm, adminRole);

        var refused = await admin.SubmitAsync($"/Access/Roles/{adminRole}", new Dictionary<string, string> { ["Name"] = "Beheerder" }, handler: "Save",
            extra: before.Where(p => p != Permissions.AdminRoles).Select(p => new KeyValuePair<string, string>("Granted", p)));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await CrmClient.ParseAsync(refused);
        Assert.Contains("geen beheerder meer", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False(page.QuerySelector<IHtmlInputElement>($"input[name=Granted][value='{Permissions.AdminRoles}']")!.IsChecked, "the admin's choice is kept on the page");
        Assert.Equal(before.Order(), (await GrantsAsync(firm, adminRole)).Order());

        var delete = await admin.SubmitAsync($"/Access/Roles/{adminRole}", new Dictionary<string, string> { ["ReassignTo"] = (await RoleIdAsync(firm, BuiltInRoles.Lawyer)).ToString() }, handler: "Delete");
        Assert.Contains("geen beheerder meer", (await CrmClient.ParseAsync(delete)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before.Order(), (await GrantsAsync(firm, adminRole)).Order());
    }

    [Fact]
    public async Task A_role_still_assigned_is_deleted_only_with_a_role_for_its_holders_who_keep_their_other_roles()
    {
        var firm = await app.CreateFirmAsync("Rollen verwijderen");
        using var admin = await app.SignedInAsync(firm.Admin);
        var assistantRole = await RoleIdAsync(firm, BuiltInRoles.Assistant);
        var readOnlyRole = await RoleIdAsync(firm, BuiltInRoles.ReadOnly);
        var assistant = firm.Users[BuiltInRoles.Assistant];
        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.UserRoles.Add(new CrmUserRole { UserId = assistant.Id, RoleId = await RoleIdAsync(firm, BuiltInRoles.PrivacyOfficer) });
            await db.SaveChangesAsync();
        }

        var page = await admin.GetDocumentAsync($"/Access/Roles/{assistantRole}");
        Assert.Contains("Secretariaat Rollen verwijderen", page.QuerySelector("[data-testid=role-holders]")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var refused = await admin.PostFormAsync(page.QuerySelector<IHtmlFormElement>("form[action*=Delete]")!, $"/Access/Roles/{assistantRole}", new Dictionary<string, string> { ["ReassignTo"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("nog toegekend", (await CrmClient.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);

        var deleted = await admin.PostFormAsync(page.QuerySelector<IHtmlFormElement>("form[action*=Delete]")!, $"/Access/Roles/{assistantRole}", new Dictionary<string, string> { ["ReassignTo"] = readOnlyRole.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var check = app.FirmScope(firm.Id);
        var checkDb = check.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.False(await checkDb.Roles.AnyAsync(r => r.Id == assistantRole));
        Assert.Empty(await checkDb.RoleGrants.Where(g => g.RoleId == assistantRole).ToListAsync());
        var heldNow = await checkDb.UserRoles.Where(ur => ur.UserId == assistant.Id).Select(ur => ur.RoleId).ToListAsync();
        Assert.Contains(readOnlyRole, heldNow);
        Assert.Contains(await RoleIdAsync(firm, BuiltInRoles.PrivacyOfficer), heldNow);
        Assert.True(await checkDb.AuditEntries.AnyAsync(a => a.EntityType == nameof(RoleGrant) && a.Action == "delete" && a.SubjectId == assistantRole));
    }

    [Fact]
    public async Task Bad_names_are_refused_with_the_input_kept_and_other_staff_cannot_reach_the_editor()
    {
        var firm = await app.CreateFirmAsync("Rollen invoer");
        using var admin = await app.SignedInAsync(firm.Admin);

        var taken = await admin.SubmitAsync("/Access/Roles", new Dictionary<string, string> { ["Name"] = "advocaat", ["Description"] = "Mijn omschrijving" }, handler: "Create");
        var takenPage = await CrmClient.ParseAsync(taken);
        Assert.Contains("al een rol met deze naam", takenPage.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mijn omschrijving", takenPage.QuerySelector<IHtmlInputElement>("#Description")!.Value);

        var tooLong = await admin.SubmitAsync("/Access/Roles", new Dictionary<string, string> { ["Name"] = "Lang", ["Description"] = new string('x', 501) }, handler: "Create");
        Assert.Contains("hoogstens 500", (await CrmClient.ParseAsync(tooLong)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);

        var lawyerRole = await RoleIdAsync(firm, BuiltInRoles.Lawyer);
        var unknown = await admin.SubmitAsync($"/Access/Roles/{lawyerRole}", new Dictionary<string, string>(), handler: "Save", extra: [new("Granted", "everything.please")]);
        Assert.Contains("bestaat niet", (await CrmClient.ParseAsync(unknown)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);

        await using (var scope = app.FirmScope(firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.Equal(BuiltInRoles.All.Count, await db.Roles.CountAsync());
        }

        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync("/Access/Roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync($"/Access/Roles/{lawyerRole}")).StatusCode);
    }

    [Fact]
    public async Task A_copy_gets_a_free_name_and_the_same_permissions()
    {
        var firm = await app.CreateFirmAsync("Rollen dupliceren");
        using var admin = await app.SignedInAsync(firm.Admin);
        var lawyerRole = await RoleIdAsync(firm, BuiltInRoles.Lawyer);

        var first = await admin.SubmitAsync($"/Access/Roles/{lawyerRole}", new Dictionary<string, string>(), handler: "Copy");
        var second = await admin.SubmitAsync($"/Access/Roles/{lawyerRole}", new Dictionary<string, string>(), handler: "Copy");

        var firstId = Guid.Parse(first.Headers.Location!.OriginalString["/Access/Roles/".Length..]);
        var secondId = Guid.Parse(second.Headers.Location!.OriginalString["/Access/Roles/".Length..]);
        Assert.Equal("Advocaat (kopie)", (await admin.GetDocumentAsync($"/Access/Roles/{firstId}")).QuerySelector("h1")!.TextContent);
        Assert.Equal("Advocaat (kopie 2)", (await admin.GetDocumentAsync($"/Access/Roles/{secondId}")).QuerySelector("h1")!.TextContent);
        Assert.Equal((await GrantsAsync(firm, lawyerRole)).Order(), (await GrantsAsync(firm, secondId)).Order());
    }

    private async Task<Guid> RoleIdAsync(TestFirm firm, string key)
    {
        await using var scope = app.FirmScope(firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Roles.Where(r => r.BuiltInKey == key).Select(r => r.Id).SingleAsync();
    }

    private async Task<List<string>> GrantsAsync(TestFirm firm, Guid roleId)
    {
        await using var scope = app.FirmScope(firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().RoleGrants.Where(g => g.RoleId == roleId).Select(g => g.Permission).ToListAsync();
    }
}
