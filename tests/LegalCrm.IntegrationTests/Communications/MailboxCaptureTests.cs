using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Communications.Mailboxes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LegalCrm.IntegrationTests.Communications;

/// <summary>Mailbox capture against a real IMAP server (Dovecot), through the administrator's page and the polling job.</summary>
public sealed class MailboxCaptureTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private TestImapServer _imap = null!;
    private TestFirm _firm = null!;
    private Guid _dossier;
    private string _number = string.Empty;

    public async Task InitializeAsync()
    {
        _imap = await TestImapServer.StartAsync();
        _firm = await app.CreateFirmAsync("Postbus");
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var client = await lawyer.SubmitAsync("/Clients/Edit?kind=Organisation", new Dictionary<string, string> { ["Input.OrganisationName"] = "Rederij Zeewind" });
        var clientId = Guid.Parse(client.Headers.Location!.OriginalString["/Clients/".Length..]);
        var dossier = await lawyer.SubmitAsync($"/Dossiers/New?client={clientId}", new Dictionary<string, string> { ["Input.Title"] = "Aanvaring haven" });
        _dossier = Guid.Parse(dossier.Headers.Location!.OriginalString.Split('/')[2]);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        _number = await db.Dossiers.Where(d => d.Id == _dossier).Select(d => d.Number).SingleAsync();
        db.Add(new ContactEmail { ContactId = clientId, Kind = EmailKind.Work, Address = "kapitein@zeewind.example", NormalizedAddress = "kapitein@zeewind.example" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _imap.DisposeAsync();

    [Fact]
    public async Task Messages_naming_a_dossier_are_filed_the_rest_wait_in_triage_and_nothing_is_captured_twice()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);
        await ConfigureAsync(admin, TestImapServer.Password);
        await _imap.DeliverAsync(Message("plus", $"inbox+{_number}@kantoor.example", "Schadeformulier"));
        await _imap.DeliverAsync(Message("subject", "inbox@kantoor.example", $"RE: [{_number}] Expertiserapport"));
        await _imap.DeliverAsync(Message("loose", "inbox@kantoor.example", "Vraag over de factuur"));
        var polling = app.Services.GetRequiredService<MailboxPolling>();

        await polling.PollAllAsync(CancellationToken.None);
        await polling.PollAllAsync(CancellationToken.None);
        await ForgetReadPositionAsync();
        await polling.PollAllAsync(CancellationToken.None);

        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var filed = await db.Communications.Where(c => c.DossierId == _dossier).Select(c => c.Subject).OrderBy(s => s).ToListAsync();
            Assert.Equal([$"RE: [{_number}] Expertiserapport", "Schadeformulier"], filed);
            var waiting = await db.TriageMessages.SingleAsync();
            Assert.Equal("Vraag over de factuur", waiting.Subject);
            Assert.Equal(_dossier, waiting.SuggestedDossierId);
            var mailbox = await db.Mailboxes.SingleAsync();
            Assert.NotEqual(TestImapServer.Password, mailbox.EncryptedPassword);
            Assert.DoesNotContain(TestImapServer.Password, mailbox.EncryptedPassword, StringComparison.Ordinal);
            Assert.Null(mailbox.LastError);
        }

        // The lawyer files the waiting message into the suggested dossier from the triage list.
        using var lawyer = await app.SignedInAsync(_firm.Lawyer);
        var triage = await lawyer.GetDocumentAsync("/Communications/Triage");
        var form = (IHtmlFormElement)triage.QuerySelector("[data-testid=triage] form")!;
        Assert.Equal(_number, ((IHtmlInputElement)form.QuerySelector("input[name=number]")!).Value);
        await lawyer.PostFormAsync(form, "/Communications/Triage?handler=File", new Dictionary<string, string>());
        Assert.NotNull((await lawyer.GetDocumentAsync("/Communications/Triage")).QuerySelector("[data-testid=triage-empty]"));
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.True(await db.Communications.AnyAsync(c => c.DossierId == _dossier && c.Subject == "Vraag over de factuur"));
            var handled = await db.TriageMessages.SingleAsync();
            Assert.Equal(TriageStatus.Filed, handled.Status);
            Assert.Null(handled.Content);
        }

        // The same message reaching the mailbox again (forwarded copy with the same Message-ID) is not captured again.
        await _imap.DeliverAsync(Message("loose", "inbox@kantoor.example", "Vraag over de factuur"));
        await polling.PollAllAsync(CancellationToken.None);
        await using (var scope = app.FirmScope(_firm.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.Equal(3, await db.Communications.CountAsync(c => c.DossierId == _dossier));
            Assert.Equal(1, await db.TriageMessages.CountAsync());
        }
    }

    [Fact]
    public async Task A_refused_password_is_shown_to_the_administrator_and_retried_later_and_nothing_is_filed()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);
        await ConfigureAsync(admin, "verkeerd-wachtwoord");

        var check = await admin.SubmitAsync("/Communications/Mailbox", new Dictionary<string, string>(), handler: "Check");
        var page = await admin.GetDocumentAsync(check.Headers.Location!.OriginalString);

        Assert.Contains("gebruikersnaam of het wachtwoord", page.QuerySelector("[data-testid=mailbox-error]")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var mailbox = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Mailboxes.SingleAsync();
        Assert.InRange(mailbox.ConsecutiveFailures, 1, 2); // 2 if the minutely job also tried in between
        Assert.Equal(MailboxPolling.RefusedLogin, mailbox.LastError);
        Assert.Contains("wachtwoord", (await admin.GetDocumentAsync("/Communications")).QuerySelector("[data-testid=mailbox-problem]")!.TextContent, StringComparison.Ordinal);
        Assert.True(mailbox.NextAttemptAt > mailbox.LastPolledAt);
    }

    private async Task ConfigureAsync(CrmClient admin, string password)
    {
        var response = await admin.SubmitAsync("/Communications/Mailbox", new Dictionary<string, string>
        {
            ["Input.Host"] = "127.0.0.1",
            ["Input.Port"] = _imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Security"] = nameof(MailboxSecurity.None),
            ["Input.UserName"] = TestImapServer.UserName,
            ["Input.Password"] = password,
            ["Input.Folder"] = "INBOX",
            ["Input.Enabled"] = "true",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task ForgetReadPositionAsync()
    {
        await using var scope = app.FirmScope(_firm.Id);
        await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Mailboxes.ExecuteUpdateAsync(s => s.SetProperty(m => m.LastUid, 0L));
    }

    private static MimeMessage Message(string id, string to, string subject)
    {
        var message = new MimeMessage();
        message.MessageId = $"{id}@zeewind.example";
        message.From.Add(new MailboxAddress("Kapitein Zeewind", "kapitein@zeewind.example"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(1));
        message.Body = new TextPart("plain") { Text = "Zie bijgaand, met vriendelijke groet." };
        return message;
    }
}
