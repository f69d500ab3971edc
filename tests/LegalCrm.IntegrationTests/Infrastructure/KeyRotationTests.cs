using System.Security.Cryptography;
using LegalCrm.TestSupport;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Communications.Mailboxes;
using LegalCrm.Web.Infrastructure.Commands;
using LegalCrm.Web.Infrastructure.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.IntegrationTests.Infrastructure;

/// <summary>Rotating the key-encryption key as the README says: new key current, old one retired, <c>keys rewrap</c>, old one gone.</summary>
public sealed class KeyRotationTests(CrmAppFactory app) : IClassFixture<CrmAppFactory>
{
    [Fact]
    public async Task After_a_rewrap_the_new_key_encryption_key_alone_opens_the_secrets_and_the_old_one_opens_nothing()
    {
        var firm = await app.CreateFirmAsync("Sleutelrotatie");
        string secret;
        await using (var scope = app.FirmScope(firm.Id))
        {
            secret = scope.ServiceProvider.GetRequiredService<MailboxSecrets>().Protect("imap-wachtwoord");
        }

        var newKey = KeyEncryptionKeys.NewKey();
        var both = KeyEncryptionKeys.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [KeyEncryptionKeys.CurrentSetting] = newKey,
            [KeyEncryptionKeys.RetiredSetting + ":0"] = app.KeyEncryptionKey,
        }).Build());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var (rewrapped, total) = await KeyCommands.RewrapAsync(db, both);
            Assert.True(rewrapped >= 1 && rewrapped == total);
            Assert.All(await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(), xml => Assert.Contains($"kek=\"{both.CurrentId}\"", xml, StringComparison.Ordinal));
        }

        var documents = Path.Combine(Path.GetTempPath(), "legalcrm-rotation-" + Guid.NewGuid().ToString("N"));
        await using (var rotated = new AppOnDatabase(app.Database, documents, newKey))
        {
            await rotated.InitializeAsync();
            await using var scope = rotated.Services.CreateAsyncScope();
            Assert.Equal("imap-wachtwoord", scope.ServiceProvider.GetRequiredService<MailboxSecrets>().Unprotect(secret));
        }

        await using var stale = new AppOnDatabase(app.Database, documents, KeyEncryptionKeys.NewKey());
        await stale.InitializeAsync();
        await using var staleScope = stale.Services.CreateAsyncScope();
        Assert.ThrowsAny<CryptographicException>(() => staleScope.ServiceProvider.GetRequiredService<MailboxSecrets>().Unprotect(secret));
    }
}
