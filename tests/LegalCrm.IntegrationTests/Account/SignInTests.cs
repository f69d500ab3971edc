using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OtpNet;

namespace LegalCrm.IntegrationTests.Account;

public sealed class SignInTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>, IAsyncLifetime
{
    private const string GenericFailure = "Inloggen is niet gelukt.";
    private TestFirm _firm = null!;

    public async Task InitializeAsync() => _firm = await app.CreateFirmAsync("Sign-in");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_message_reveals_nothing()
    {
        var user = _firm.Users["assistant"];
        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SignInAsync(user.Email, "not-the-password-" + i);
            Assert.Contains(GenericFailure, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var right = await client.SignInAsync(user.Email, CrmAppFactory.Password);
        var unknown = await client.SignInAsync("nobody@nowhere.test", CrmAppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(GenericFailure, await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(GenericFailure, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.FirmScope(_firm.Id);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var lockoutEnd = await db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync();
        Assert.InRange(lockoutEnd!.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == user.Id && a.Action == AuditActions.SignInLockedOut));
    }

    [Fact]
    public async Task A_disabled_user_loses_access_at_the_next_request_and_cannot_sign_in_again()
    {
        var user = _firm.Users["read-only"];
        using var victim = await app.SignedInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/")).StatusCode);

        using var admin = await app.SignedInAsync(_firm.Admin);
        var disabled = await admin.SubmitAsync($"/Access/Users/{user.Id}", new Dictionary<string, string>(), "Disable");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        var next = await victim.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/Account/Login", next.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var again = app.Anonymous();
        Assert.Contains(GenericFailure, await (await again.SignInAsync(user.Email, CrmAppFactory.Password)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_cannot_disable_the_last_person_who_can_manage_users()
    {
        using var admin = await app.SignedInAsync(_firm.Admin);
        var lawyerRole = await RoleIdAsync("lawyer");

        var response = await admin.SubmitAsync($"/Access/Users/{_firm.Admin.Id}", new Dictionary<string, string>(), "Roles", [new("RoleIds", lawyerRole.ToString())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("niemand in het kantoor nog gebruikers beheren", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Access/Users")).StatusCode);
    }

    [Fact]
    public async Task Enrolling_in_two_factor_then_signing_in_with_a_totp_code_and_with_a_recovery_code()
    {
        var user = _firm.Users["privacy-officer"];
        using var client = await app.SignedInAsync(user);
        var setup = await client.GetDocumentAsync("/Account/Manage/TwoFactor");
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr")!.GetAttribute("src"), StringComparison.Ordinal);

        var enabled = await client.SubmitAsync("/Account/Manage/TwoFactor", new Dictionary<string, string> { ["Code"] = Totp(key) }, "Enable");
        var codes = (await CrmClient.ParseAsync(enabled)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // The authenticator key and the recovery codes are stored encrypted (as the database owner sees the table).
        var stored = await StoredAsync("SELECT value FROM user_tokens WHERE user_id = @user", user.Id);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, value =>
        {
            Assert.StartsWith(CrmUserStore.ProtectedPrefix, value, StringComparison.Ordinal);
            Assert.DoesNotContain(key, value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(codes[0], value, StringComparison.OrdinalIgnoreCase);
        });

        // …by Data Protection, whose key ring in the database is itself wrapped by the configured key-encryption key.
        var ring = await StoredAsync("SELECT xml FROM data_protection_keys", null);
        Assert.NotEmpty(ring);
        var kekId = LegalCrm.Web.Infrastructure.Keys.KeyEncryptionKeys.IdOf(Convert.FromBase64String(app.KeyEncryptionKey));
        Assert.All(ring, xml => Assert.Contains($"kek=\"{kekId}\"", xml, StringComparison.Ordinal));
        Assert.All(ring, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));

        using var second = app.Anonymous();
        var password = await second.SignInAsync(user.Email, CrmAppFactory.Password);
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var wrongCode = await second.SubmitAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = "000000" });
        Assert.Contains("Die code is niet geldig", await wrongCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var code = await second.SubmitAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = Totp(key) });
        Assert.Equal("/", code.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/Account/Manage")).StatusCode);

        using var third = app.Anonymous();
        await third.SignInAsync(user.Email, CrmAppFactory.Password);
        var recovery = await third.SubmitAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        Assert.Equal("/", recovery.Headers.Location!.OriginalString);

        using var fourth = app.Anonymous();
        await fourth.SignInAsync(user.Email, CrmAppFactory.Password);
        var reused = await fourth.SubmitAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("Die herstelcode is niet geldig", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_firm_requires_two_factor_an_unenrolled_user_can_only_enrol()
    {
        var firm = await app.CreateFirmAsync("Strict");
        using var admin = await app.SignedInAsync(firm.Admin);
        await admin.SubmitAsync("/Access/Settings", new Dictionary<string, string> { ["Input.Name"] = "Strict", ["Input.TwoFactorRequired"] = "true" });

        using var lawyer = await app.SignedInAsync(firm.Lawyer);
        var dashboard = await lawyer.GetAsync("/");
        var enrol = await lawyer.GetDocumentAsync("/Account/Manage/TwoFactor");

        Assert.Equal("/Account/Manage/TwoFactor", dashboard.Headers.Location!.OriginalString);
        Assert.NotNull(enrol.QuerySelector("[data-testid=two-factor-required]"));
        var key = enrol.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await lawyer.SubmitAsync("/Account/Manage/TwoFactor", new Dictionary<string, string> { ["Code"] = Totp(key) }, "Enable");
        Assert.Equal(HttpStatusCode.OK, (await lawyer.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await app.SignedInAsync(_firm.Lawyer);

        var page = await client.GetDocumentAsync("/");
        var form = page.QuerySelector<IHtmlFormElement>("form[action='/Account/Logout']")!;
        var response = await client.PostFormAsync(form, "/", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    /// <summary>What the database owner reads (no app, no row-level security in the way).</summary>
    private async Task<List<string>> StoredAsync(string sql, Guid? userId)
    {
        await using var connection = new NpgsqlConnection(app.Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (userId is { } user)
        {
            command.Parameters.AddWithValue("user", user);
        }

        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static string Totp(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    private async Task<Guid> RoleIdAsync(string builtInKey)
    {
        await using var scope = app.FirmScope(_firm.Id);
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Roles.Where(r => r.BuiltInKey == builtInKey).Select(r => r.Id).SingleAsync();
    }
}
