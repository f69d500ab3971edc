using System.Net;
using System.Text.RegularExpressions;
using LegalCrm.TestSupport;
using MimeKit;

namespace LegalCrm.IntegrationTests.Account;

/// <summary>Password reset and invitation: real SMTP to the in-process sink, links that work once.</summary>
public sealed partial class MailedLinkTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);
    private TestFirm _firm = null!;

    public async Task InitializeAsync() => _firm = await app.CreateFirmAsync("Mail");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_password_reset_mail_arrives_over_smtp_and_its_link_works_once()
    {
        var user = _firm.Users["assistant"];
        using var anonymous = app.Anonymous();

        var asked = await anonymous.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = user.Email });
        Assert.NotNull((await CrmClient.ParseAsync(asked)).QuerySelector("[data-testid=reset-sent]"));
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == user.Email) && (m.Subject ?? string.Empty).Contains("wachtwoord", StringComparison.Ordinal), MailTimeout);
        var link = LinkIn(mail, "/Account/ResetPassword");

        var reset = await anonymous.SubmitAsync(link, NewPassword("A-brand-new-passphrase"));
        Assert.Equal("/Account/Login", reset.Headers.Location!.OriginalString);
        using var signedIn = await app.SignedInAsync(user.Email, "A-brand-new-passphrase");

        var again = await anonymous.GetDocumentAsync(link);
        Assert.NotNull(again.QuerySelector("[data-testid=link-invalid]"));
    }

    [Fact]
    public async Task Asking_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing()
    {
        using var anonymous = app.Anonymous();
        var before = app.Mail.Messages.Count;

        var asked = await anonymous.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "ghost@nowhere.test" });

        Assert.NotNull((await CrmClient.ParseAsync(asked)).QuerySelector("[data-testid=reset-sent]"));
        await Task.Delay(1500);
        Assert.DoesNotContain(app.Mail.Messages.Skip(before), m => m.To.Mailboxes.Any(a => a.Address == "ghost@nowhere.test"));
    }

    [Fact]
    public async Task An_invited_user_sets_a_password_from_the_mail_and_the_link_then_stops_working()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);
        var roles = (await admin.GetDocumentAsync("/Access/Users/Invite")).QuerySelectorAll("input[name='Input.RoleIds']").Select(i => i.GetAttribute("value")!).ToList();
        var email = $"new.colleague.{Guid.NewGuid():N}@mail.test";

        var invited = await admin.SubmitAsync("/Access/Users/Invite",
            new Dictionary<string, string> { ["Input.DisplayName"] = "Nieuwe Collega", ["Input.Email"] = email, ["Input.Culture"] = "en-GB" },
            extra: [new("Input.RoleIds", roles[0])]);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email), MailTimeout);
        Assert.Contains("invites you", mail.TextBody, StringComparison.Ordinal);
        var link = LinkIn(mail, "/Account/SetPassword");
        using var invitee = app.Anonymous();
        var set = await invitee.SubmitAsync(link, NewPassword("Welcome-to-the-firm"));
        Assert.Equal("/Account/Login", set.Headers.Location!.OriginalString);
        using var signedIn = await app.SignedInAsync(email, "Welcome-to-the-firm");

        Assert.NotNull((await invitee.GetDocumentAsync(link)).QuerySelector("[data-testid=link-invalid]"));
    }

    [Fact]
    public async Task Inviting_an_address_that_another_firm_already_uses_is_refused_with_a_message()
    {
        var other = await app.CreateFirmAsync("Other");
        using var admin = await app.SignedInAsync(_firm.Admin);
        var roles = (await admin.GetDocumentAsync("/Access/Users/Invite")).QuerySelectorAll("input[name='Input.RoleIds']").Select(i => i.GetAttribute("value")!).ToList();

        var response = await admin.SubmitAsync("/Access/Users/Invite",
            new Dictionary<string, string> { ["Input.DisplayName"] = "Dubbel", ["Input.Email"] = other.Lawyer.Email },
            extra: [new("Input.RoleIds", roles[0])]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is al in gebruik", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Vul de naam in.")]
    [InlineData("not an address", "Vul een geldig e-mailadres in.")]
    public async Task Bad_invitation_input_gets_a_message_on_the_field(string email, string message)
    {
        using var admin = await app.SignedInAsync(_firm.Admin);

        var response = await admin.SubmitAsync("/Access/Users/Invite",
            new Dictionary<string, string> { ["Input.DisplayName"] = email.Length == 0 ? string.Empty : new string('x', 10), ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Kies minstens één rol.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_megabyte_name_is_a_validation_message_not_a_crash()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);

        var response = await admin.SubmitAsync("/Access/Settings", new Dictionary<string, string> { ["Input.Name"] = new string('a', 1_000_000) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("mag hoogstens 200 tekens lang zijn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> NewPassword(string password) =>
        new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password };

    private static string LinkIn(MimeMessage mail, string path)
    {
        var match = LinkPattern().Match(mail.TextBody ?? string.Empty);
        Assert.True(match.Success, "No link in: " + mail.TextBody);
        var uri = new Uri(match.Value);
        Assert.Equal(path, uri.AbsolutePath);
        return uri.PathAndQuery;
    }

    [GeneratedRegex(@"http://localhost/Account/\S+")]
    private static partial Regex LinkPattern();
}
