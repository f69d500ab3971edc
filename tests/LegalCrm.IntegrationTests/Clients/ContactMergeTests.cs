using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Clients;

public sealed class ContactMergeTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;

    public async Task InitializeAsync() => _firm = await app.CreateFirmAsync("Merge");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Merging_moves_details_and_relationships_to_the_survivor_records_it_and_removes_the_duplicate()
    {
        using var assistant = await app.SignedInAsync(_firm.Users["assistant"]);
        var keep = await CreateAsync(assistant, "Person", new() { ["Input.LastName"] = "Smit", ["Input.Initials"] = "A.", ["Input.Emails[0].Address"] = "a.smit@voorbeeld.nl" });
        var duplicate = await CreateAsync(assistant, "Person", new() { ["Input.LastName"] = "Smid", ["Input.Initials"] = "A.", ["Input.Phones[0].Number"] = "0612345678", ["NotADuplicate"] = "true" });
        var employer = await CreateAsync(assistant, "Organisation", new() { ["Input.OrganisationName"] = "Smederij" });
        var link = (AngleSharp.Html.Dom.IHtmlFormElement)(await assistant.GetDocumentAsync($"/Clients/{duplicate}?link=smederij")).QuerySelector("[data-testid=link-candidate]")!;
        await assistant.PostFormAsync(link, $"/Clients/{duplicate}", new Dictionary<string, string> { ["kind"] = "EmployeeOf" });
        await using (var setup = app.FirmScope(_firm.Id))
        {
            var setupDb = setup.ServiceProvider.GetRequiredService<CrmDbContext>();
            setupDb.MarketingConsents.Add(new LegalCrm.Web.Features.Clients.MarketingConsent { ContactId = duplicate, GivenOn = new DateOnly(2026, 1, 2), TextShown = "Nieuwsbrief", RecordedBy = "test" });
            await setupDb.SaveChangesAsync();
        }

        var compare = await assistant.GetDocumentAsync($"/Clients/Merge?keep={keep}&remove={duplicate}");
        Assert.Contains("Achternaam", compare.QuerySelector("[data-testid=merge-fields]")!.TextContent, StringComparison.Ordinal);
        var merged = await assistant.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)compare.QuerySelector("main form[method=post]")!, $"/Clients/Merge?keep={keep}&remove={duplicate}",
            new Dictionary<string, string> { ["choice-LastName"] = "other" });

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var survivor = await db.Contacts.Include(c => c.Emails).Include(c => c.Phones).SingleAsync(c => c.Id == keep);
        Assert.Equal("Smid", survivor.LastName);
        Assert.Single(survivor.Emails);
        Assert.Equal("+31612345678", survivor.Phones.Single().Number);
        Assert.False(await db.Contacts.AnyAsync(c => c.Id == duplicate));
        Assert.True(await db.ContactRelationships.AnyAsync(r => r.FromContactId == keep && r.ToContactId == employer));
        Assert.True(await db.MarketingConsents.AnyAsync(m => m.ContactId == keep && m.TextShown == "Nieuwsbrief"), "The proof of consent moves with the merge.");
        var record = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Merge && a.SubjectId == keep);
        Assert.Contains(duplicate.ToString(), record.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_table_that_refers_to_a_contact_is_moved_by_a_merge()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var moved = scope.ServiceProvider.GetServices<LegalCrm.Web.Features.Clients.IContactLinks>().SelectMany(m => m.Covers).ToHashSet();
        // The contact's own addresses, numbers and e-mail addresses are merged field by field (ContactMerge).
        Type[] merged = [typeof(LegalCrm.Web.Features.Clients.Contact), typeof(LegalCrm.Web.Features.Clients.ContactAddress), typeof(LegalCrm.Web.Features.Clients.ContactPhone), typeof(LegalCrm.Web.Features.Clients.ContactEmail)];
        var referring = db.Model.GetEntityTypes()
            .Where(t => t.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(LegalCrm.Web.Features.Clients.Contact)))
            .Select(t => t.ClrType).Except(merged).ToList();
        Assert.Contains(typeof(LegalCrm.Web.Features.Tasks.WorkTask), referring);
        Assert.Empty(referring.Where(t => !moved.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public async Task A_duplicate_with_communications_tasks_and_a_privacy_request_is_merged_with_all_of_them()
    {
        using var assistant = await app.SignedInAsync(_firm.Users["assistant"]);
        var keep = await CreateAsync(assistant, "Person", new() { ["Input.LastName"] = "Kok", ["Input.Initials"] = "B." });
        var duplicate = await CreateAsync(assistant, "Person", new() { ["Input.LastName"] = "Kock", ["Input.Initials"] = "B.", ["NotADuplicate"] = "true" });
        await using (var setup = app.FirmScope(_firm.Id))
        {
            var db = setup.ServiceProvider.GetRequiredService<CrmDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.Communications.Add(new LegalCrm.Web.Features.Communications.Communication
            {
                Kind = LegalCrm.Web.Features.Communications.CommunicationKind.Call,
                OccurredAt = now,
                Subject = "Belde over de factuur",
                ContactId = duplicate,
                AuthorName = "test",
                UpdatedBy = "test",
                CreatedAt = now,
                UpdatedAt = now,
                Participants = [new LegalCrm.Web.Features.Communications.CommunicationParticipant { ContactId = duplicate, Name = "B. Kock", Role = LegalCrm.Web.Features.Communications.ParticipantRole.Caller }],
            });
            db.WorkTasks.Add(new LegalCrm.Web.Features.Tasks.WorkTask { Title = "Terugbellen", ContactId = duplicate, AssigneeUserId = _firm.Lawyer.Id, CreatedAt = now, UpdatedAt = now, CreatedBy = "test" });
            db.DataSubjectRequests.Add(new LegalCrm.Web.Features.Privacy.DataSubjectRequest { ContactId = duplicate, PersonName = "B. Kock", ReceivedOn = new DateOnly(2026, 11, 1), CreatedAt = now, CreatedBy = "test" });
            await db.SaveChangesAsync();
        }

        var compare = await assistant.GetDocumentAsync($"/Clients/Merge?keep={keep}&remove={duplicate}");
        var merged = await assistant.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)compare.QuerySelector("main form[method=post]")!, $"/Clients/Merge?keep={keep}&remove={duplicate}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        await using var scope = app.FirmScope(_firm.Id);
        var check = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.False(await check.Contacts.AnyAsync(c => c.Id == duplicate));
        Assert.Equal(keep, (await check.Communications.Include(c => c.Participants).SingleAsync(c => c.Subject == "Belde over de factuur")).Participants.Single().ContactId);
        Assert.True(await check.WorkTasks.AnyAsync(t => t.ContactId == keep && t.Title == "Terugbellen"));
        Assert.True(await check.DataSubjectRequests.AnyAsync(r => r.ContactId == keep));
    }

    [Fact]
    public async Task Merging_needs_the_merge_permission()
    {
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var id = await CreateAsync(lawyer, "Person", new() { ["Input.LastName"] = "Alleen" });

        Assert.Equal(HttpStatusCode.Forbidden, (await lawyer.GetAsync($"/Clients/Merge?keep={id}")).StatusCode);
        Assert.Null((await lawyer.GetDocumentAsync($"/Clients/{id}")).QuerySelector("[data-testid=merge-contact]"));
    }

    private static async Task<Guid> CreateAsync(CrmClient client, string kind, Dictionary<string, string> fields)
    {
        var response = await client.SubmitAsync($"/Clients/Edit?kind={kind}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString["/Clients/".Length..]);
    }
}
