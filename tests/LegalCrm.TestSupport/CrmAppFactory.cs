using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.Email;
using LegalCrm.Web.Infrastructure.Keys;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LegalCrm.TestSupport;

/// <summary>
/// The real app (environment "Testing", production settings otherwise) on a database of its own, with e-mail going
/// over SMTP to an in-process sink and Hangfire polling fast. Use one per test class (IClassFixture).
/// </summary>
public class CrmAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Correct-horse-battery-9";

    public TestPostgres.Database Database { get; private set; } = null!;

    public DevSmtpSink Mail { get; } = DevSmtpSink.Start();

    /// <summary>The folder of this app's document store (a fresh one per factory, deleted afterwards).</summary>
    public string DocumentsPath { get; } = Path.Combine(Path.GetTempPath(), "legalcrm-documents-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where this app writes backups (a fresh folder per factory).</summary>
    public string BackupsPath { get; } = Path.Combine(Path.GetTempPath(), "legalcrm-backups-" + Guid.NewGuid().ToString("N"));

    /// <summary>This factory's key-encryption key (outside Development the app refuses to start without one).</summary>
    public string KeyEncryptionKey { get; } = KeyEncryptionKeys.NewKey();

    /// <summary>Extra settings for a subclass (e.g. a browser host).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    public async Task InitializeAsync() => Database = await CreateDatabaseAsync();

    protected virtual Task<TestPostgres.Database> CreateDatabaseAsync() => TestPostgres.CreateDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Crm", Database.AppConnectionString);
        builder.UseSetting("ConnectionStrings:CrmAdmin", Database.AdminConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Security:SecureCookies", "false");
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Jobs:PollInterval", "00:00:00.200");
        builder.UseSetting("Jobs:WorkerCount", "2");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("App:PublicUrl", "http://localhost");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Documents:StoragePath", DocumentsPath);
        builder.UseSetting("Security:KeyEncryptionKey", KeyEncryptionKey);
        builder.UseSetting("Backup:Folder", BackupsPath);
        builder.UseSetting("Backup:Schedule", "off");
        // Tests sign in far more often than a person; the limit itself is tested with a low setting.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Creates a firm with one user per built-in role (e-mail "{role}@{slug}.test", password <see cref="Password"/>).</summary>
    public async Task<TestFirm> CreateFirmAsync(string name)
    {
        var slug = new string(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray()) + Guid.NewGuid().ToString("N")[..6];
        await using var scope = Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<FirmProvisioning>();
        var users = new Dictionary<string, TestUser>();
        var first = BuiltInRoles.All[0];
        var created = await provisioning.CreateAsync(name, $"{first.Key}@{slug}.test", $"{first.Name} {name}", Password);
        users[first.Key] = new TestUser(created.Admin.Id, created.Admin.Email!, first.Key);
        foreach (var role in BuiltInRoles.All.Skip(1))
        {
            var user = await provisioning.CreateUserAsync($"{role.Key}@{slug}.test", $"{role.Name} {name}", role.Key, Password);
            users[role.Key] = new TestUser(user.Id, user.Email!, role.Key);
        }

        return new TestFirm(created.FirmId, name, users);
    }

    /// <summary>Adds another user with a built-in role to a firm (e-mail "{key}-{role}@…").</summary>
    public async Task<TestUser> AddUserAsync(TestFirm firm, string roleKey, string key)
    {
        await using var scope = FirmScope(firm.Id);
        var domain = firm.Users[BuiltInRoles.Admin].Email.Split('@')[1];
        var user = await scope.ServiceProvider.GetRequiredService<FirmProvisioning>().CreateUserAsync($"{key}-{roleKey}@{domain}", $"{key} {roleKey}", roleKey, Password);
        return new TestUser(user.Id, user.Email!, roleKey);
    }

    /// <summary>A service scope working for one firm, as a job would.</summary>
    public AsyncServiceScope FirmScope(Guid firmId) => Services.CreateFirmScope(firmId, "test");

    public Task<CrmClient> SignedInAsync(TestUser user) => SignedInAsync(user.Email, Password);

    public async Task<CrmClient> SignedInAsync(string email, string password)
    {
        var client = Anonymous();
        var response = await client.SignInAsync(email, password);
        if (response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in as {email} did not succeed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    public CrmClient Anonymous() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
        foreach (var folder in new[] { DocumentsPath, BackupsPath })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        // Each class has its own database, so its pooled connections would otherwise idle on until Npgsql prunes them.
        foreach (var connectionString in new[] { Database.AppConnectionString, Database.AdminConnectionString })
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }
}

public sealed record TestUser(Guid Id, string Email, string RoleKey);

public sealed record TestFirm(Guid Id, string Name, IReadOnlyDictionary<string, TestUser> Users)
{
    public TestUser Admin => Users[BuiltInRoles.Admin];

    public TestUser Lawyer => Users[BuiltInRoles.Lawyer];
}
