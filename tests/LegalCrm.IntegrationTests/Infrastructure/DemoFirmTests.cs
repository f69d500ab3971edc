using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Infrastructure.DemoData;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Infrastructure;

public sealed class DemoFirmTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task The_demo_firm_is_seeded_once_with_users_contacts_and_dossiers_its_lawyer_can_open()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoFirmSeeder>().SeedAsync();
        }

        await using (var again = app.Services.CreateAsyncScope())
        {
            await again.ServiceProvider.GetRequiredService<DemoFirmSeeder>().SeedAsync();
        }

        Guid firmId;
        await using (var probe = app.Services.CreateAsyncScope())
        {
            var normalizer = probe.ServiceProvider.GetRequiredService<ILookupNormalizer>();
            firmId = (await probe.ServiceProvider.GetRequiredService<TenantDirectory>().FindTenantOfLoginAsync(normalizer.NormalizeEmail(DemoFirmSeeder.Users[0].Email)!))!.Value;
        }

        await using var firm = app.FirmScope(firmId);
        var db = firm.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.Equal(7, await db.Contacts.CountAsync());
        var statuses = await db.Dossiers.OrderBy(d => d.Number).Select(d => d.Status).ToListAsync();
        Assert.Equal([DossierStatus.Open, DossierStatus.Intake, DossierStatus.Closed], statuses);
        Assert.Equal(3, await db.ConflictChecks.CountAsync());
        var appeal = await db.Deadlines.SingleAsync(d => d.Kind == LegalCrm.Web.Features.Deadlines.DeadlineKind.Fatal);
        // Three months after the judgment, moved on by the Atw at most past a long weekend, and on a working day.
        Assert.InRange(appeal.DueDate.DayNumber - appeal.EventDate!.Value.AddMonths(3).DayNumber, 0, 4);
        Assert.True(new LegalCrm.Web.Features.Deadlines.DutchHolidays(await db.DesignatedHolidays.Select(h => h.Date).ToListAsync()).IsWorkingDay(appeal.DueDate));
        Assert.NotNull(appeal.NextReminderAt);
        Assert.Equal(2, await db.WorkTasks.CountAsync());

        using var lawyer = await app.SignedInAsync("advocaat@vandijkdevries.nl", DemoFirmSeeder.Password);
        var list = await lawyer.GetDocumentAsync("/Dossiers");
        Assert.Contains("gebreken verbouwing", list.QuerySelector("[data-testid=dossiers-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await lawyer.GetAsync("/Clients?q=bakker")).StatusCode);
    }
}
