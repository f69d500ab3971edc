using System.Net;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LegalCrm.IntegrationTests.Deadlines;

public sealed class DeadlineReminderTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestFirm _firm = null!;
    private Guid _dossier;

    public async Task InitializeAsync()
    {
        _firm = await app.CreateFirmAsync("Herinneringen");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Rederij Noord" });
        var clientId = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = "Aanvaring in de haven" });
        _dossier = Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private DeadlineReminderSweep Sweep(TimeProvider clock) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<DeadlineReminderSweep>.Instance);

    private async Task<Guid> AddDeadlineAsync(string title, DateOnly due, List<int> reminderDays, DateTimeOffset now)
    {
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var deadline = new Deadline
        {
            DossierId = _dossier,
            Title = title,
            DueDate = due,
            Kind = DeadlineKind.Fatal,
            ResponsibleUserIds = [_firm.Lawyer.Id],
            ReminderDays = reminderDays,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = "test",
        };
        deadline.PlanReminders(now);
        db.Deadlines.Add(deadline);
        await db.SaveChangesAsync();
        return deadline.Id;
    }

    private async Task<(int Notifications, int Mails, DateTimeOffset? Next)> StateAsync(Guid deadline)
    {
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var link = $"/Deadlines/{deadline}";
        var title = await db.Deadlines.Where(d => d.Id == deadline).Select(d => d.Title).SingleAsync();
        return (await db.Notifications.CountAsync(n => n.Link == link && n.DedupKey.StartsWith("deadline-reminder:")),
                await db.OutboxMessages.CountAsync(m => m.Subject.Contains(title) && !m.Subject.StartsWith("Escalatie")),
                await db.Deadlines.Where(d => d.Id == deadline).Select(d => d.NextReminderAt).SingleAsync());
    }

    [Fact]
    public async Task Each_reminder_is_sent_once_even_when_the_sweep_runs_twice_or_on_two_servers_at_once()
    {
        // 20 March 2030, 10:00 UTC; due Friday 22 March with reminders 7 and 1 day before: the 7-day one has passed.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 3, 20, 10, 0, 0, TimeSpan.Zero));
        var id = await AddDeadlineAsync("Dagvaarding betekenen", new DateOnly(2030, 3, 22), [7, 1], clock.GetUtcNow());

        await Sweep(clock).SweepAsync(CancellationToken.None);
        await Sweep(clock).SweepAsync(CancellationToken.None);

        var afterFirst = await StateAsync(id);
        Assert.Equal((1, 1), (afterFirst.Notifications, afterFirst.Mails));
        // The next one: Thursday 21 March, 09:00 in Amsterdam (08:00 UTC in winter time).
        Assert.Equal(new DateTimeOffset(2030, 3, 21, 8, 0, 0, TimeSpan.Zero), afterFirst.Next);

        clock.SetUtcNow(new DateTimeOffset(2030, 3, 21, 8, 5, 0, TimeSpan.Zero));
        await Task.WhenAll(Sweep(clock).SweepAsync(CancellationToken.None), Sweep(clock).SweepAsync(CancellationToken.None), Sweep(clock).SweepAsync(CancellationToken.None));

        var afterSecond = await StateAsync(id);
        Assert.Equal((2, 2, (DateTimeOffset?)null), afterSecond);
        // Moving the reminder plan on is bookkeeping, not a change to the dossier: no audit rows from the sweep.
        await using var scope = app.FirmScope(_firm.Id);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries.CountAsync(a => a.ActorName == "system: deadline reminders"));
    }

    [Fact]
    public async Task The_reminder_is_in_the_recipients_language_under_the_bell_and_opening_it_marks_it_read()
    {
        var now = DateTimeOffset.UtcNow;
        // Far enough ahead not to escalate on any day of the year.
        var due = DateOnly.FromDateTime(now.UtcDateTime).AddDays(8);
        var id = await AddDeadlineAsync("Conclusie van repliek", due, [10], now);

        await Sweep(TimeProvider.System).SweepAsync(CancellationToken.None);

        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var home = await lawyer.GetDocumentAsync("/");
        Assert.Equal("1", home.QuerySelector("[data-testid=unread-count]")!.TextContent.Trim());
        var list = await lawyer.GetDocumentAsync("/Notifications");
        var text = list.QuerySelector("[data-testid=notifications]")!.TextContent;
        Assert.Contains("Fataal: termijn \"Conclusie van repliek\" in dossier", text, StringComparison.Ordinal);
        Assert.Contains("verloopt over", text, StringComparison.Ordinal);

        var opened = await lawyer.SubmitAsync("/Notifications", new Dictionary<string, string>(), "Open");

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/Deadlines/{id}", opened.Headers.Location!.OriginalString);
        Assert.Null((await lawyer.GetDocumentAsync("/")).QuerySelector("[data-testid=unread-count]"));
        await using var scope = app.FirmScope(_firm.Id);
        var mail = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().OutboxMessages.SingleAsync(m => m.Subject.Contains("Conclusie van repliek"));
        Assert.Equal(_firm.Lawyer.Email, mail.ToAddress);
        Assert.StartsWith("Herinnering: Conclusie van repliek", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_firms_user_never_sees_these_notifications()
    {
        var now = DateTimeOffset.UtcNow;
        await AddDeadlineAsync("Alleen voor ons", DateOnly.FromDateTime(now.UtcDateTime).AddDays(2), [5], now);
        await Sweep(TimeProvider.System).SweepAsync(CancellationToken.None);
        var other = await app.CreateFirmAsync("Ander kantoor herinneringen");

        using var stranger = await app.SignedInAsync(other.Lawyer);

        Assert.DoesNotContain("Alleen voor ons", (await stranger.GetDocumentAsync("/Notifications")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fatal_deadline_still_open_the_working_day_before_escalates_once_to_the_backup_and_the_office_manager()
    {
        var backup = await app.AddUserAsync(_firm, BuiltInRoles.Lawyer, "waarnemer");
        var manager = await app.AddUserAsync(_firm, BuiltInRoles.Assistant, "kantoor");
        using (var admin = await app.SignedInAsync(_firm.Admin))
        {
            await admin.SubmitAsync($"/Access/Users/{_firm.Lawyer.Id}", new Dictionary<string, string> { ["BackupUserId"] = backup.Id.ToString() }, "Backup");
            var saved = await admin.SubmitAsync("/Access/Settings", new Dictionary<string, string> { ["Input.OfficeManagerUserId"] = manager.Id.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // Friday 27 November 2026: a fatal deadline ending Monday 30 November escalates at 09:00 (08:00 UTC), not before.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 7, 30, 0, TimeSpan.Zero));
        var monday = await AddDeadlineAsync("Memorie van grieven", new DateOnly(2026, 11, 30), [], clock.GetUtcNow());
        var tuesday = await AddDeadlineAsync("Akte uitlating", new DateOnly(2026, 12, 1), [], clock.GetUtcNow());
        await Sweep(clock).SweepAsync(CancellationToken.None);
        Assert.Equal(0, await EscalationsAsync(monday));

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 1, 0, TimeSpan.Zero));
        await Task.WhenAll(Sweep(clock).SweepAsync(CancellationToken.None), Sweep(clock).SweepAsync(CancellationToken.None));
        await Sweep(clock).SweepAsync(CancellationToken.None);

        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var link = $"/Deadlines/{monday}";
        var recipients = await db.Notifications.Where(n => n.Link == link && n.DedupKey.StartsWith("deadline-escalation:")).Select(n => n.UserId).ToListAsync();
        Assert.Equal(new[] { backup.Id, manager.Id }.Order(), recipients.Order());
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Subject.StartsWith("Escalatie: Memorie van grieven")));
        Assert.Equal(0, await EscalationsAsync(tuesday));
    }

    [Fact]
    public async Task A_done_deadline_does_not_escalate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var id = await AddDeadlineAsync("Al ingediend", new DateOnly(2026, 11, 27), [], clock.GetUtcNow());
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var deadline = await db.Deadlines.SingleAsync(d => d.Id == id);
            (deadline.Status, deadline.CompletedOn) = (DeadlineStatus.Done, new DateOnly(2026, 11, 25));
            await db.SaveChangesAsync();
        }

        await Sweep(clock).SweepAsync(CancellationToken.None);

        Assert.Equal(0, await EscalationsAsync(id));
    }

    private async Task<int> EscalationsAsync(Guid deadline)
    {
        await using var scope = app.FirmScope(_firm.Id);
        var link = $"/Deadlines/{deadline}";
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Notifications.CountAsync(n => n.Link == link && n.DedupKey.StartsWith("deadline-escalation:"));
    }
}
