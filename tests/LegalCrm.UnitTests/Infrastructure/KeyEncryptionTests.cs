using System.Xml.Linq;
using LegalCrm.Web.Infrastructure.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegalCrm.UnitTests.Infrastructure;

/// <summary>The key ring under a key-encryption key, and its rotation (README, "Keys and encryption").</summary>
public sealed class KeyEncryptionTests
{
    private static readonly string KeyA = KeyEncryptionKeys.NewKey();
    private static readonly string KeyB = KeyEncryptionKeys.NewKey();

    [Fact]
    public void The_stored_key_ring_holds_no_key_in_the_clear()
    {
        var ring = new KeyRing();
        Protector(ring, Keys(KeyA)).Protect("geheim");

        var stored = Assert.Single(ring.Xml);
        Assert.Contains(KeyEncryptionXmlEncryptor.ElementName, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotating_the_key_encryption_key_keeps_everything_readable_and_rewrap_retires_the_old_one()
    {
        var ring = new KeyRing();
        var secret = Protector(ring, Keys(KeyA)).Protect("IMAP-wachtwoord");

        // Step 1: the new key is current, the old one retired: old keys still open, new keys use the new one.
        var both = Keys(KeyB, KeyA);
        Assert.Equal("IMAP-wachtwoord", Protector(ring, both).Unprotect(secret));

        // Step 2: rewrap, after which the old key-encryption key is no longer needed.
        ring.Rewrite(xml => KeyRingRewrap.Rewrap(xml, both) ?? xml);
        Assert.All(ring.Xml, xml => Assert.Contains($"kek=\"{both.CurrentId}\"", xml, StringComparison.Ordinal));
        Assert.Equal("IMAP-wachtwoord", Protector(ring, Keys(KeyB)).Unprotect(secret));
        Assert.Null(KeyRingRewrap.Rewrap(ring.Xml[0], both));
    }

    [Fact]
    public void Without_the_key_encryption_key_nothing_opens()
    {
        var ring = new KeyRing();
        var secret = Protector(ring, Keys(KeyA)).Protect("TOTP-sleutel");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(ring, Keys(KeyB)).Unprotect(secret));
        var missing = Assert.Throws<KeyEncryptionKeyMissingException>(() => Keys(KeyB).Unwrap(KeyEncryptionKeys.IdOf(Convert.FromBase64String(KeyA)), "AAAA"));
        Assert.Contains("Security:KeyEncryptionKey", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dGUta29ydA==", "must be 32 bytes")]
    [InlineData("geen base64!", "not base64")]
    public void A_malformed_key_is_refused_with_a_clear_message(string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Keys(value));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrapped_value_is_bound_to_its_key_id()
    {
        var keys = Keys(KeyA);
        var (id, wrapped) = keys.Wrap("x");
        var bytes = Convert.FromBase64String(wrapped);
        bytes[^1] ^= 1;

        Assert.Equal("x", keys.Unwrap(id, wrapped));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => keys.Unwrap(id, Convert.ToBase64String(bytes)));
    }

    private static KeyEncryptionKeys Keys(string current, params string[] retired)
    {
        var settings = new Dictionary<string, string?> { [KeyEncryptionKeys.CurrentSetting] = current };
        for (var i = 0; i < retired.Length; i++)
        {
            settings[$"{KeyEncryptionKeys.RetiredSetting}:{i}"] = retired[i];
        }

        return KeyEncryptionKeys.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    /// <summary>A protector as the app makes one, over the given stored key ring (a fresh provider: nothing cached).</summary>
    private static IDataProtector Protector(KeyRing ring, KeyEncryptionKeys keys)
    {
        var services = new ServiceCollection();
        services.AddSingleton(keys);
        services.AddDataProtection().SetApplicationName("LegalCrm");
        services.Configure<KeyManagementOptions>(o =>
        {
            o.XmlRepository = ring;
            o.XmlEncryptor = new KeyEncryptionXmlEncryptor(keys);
        });
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }

    /// <summary>Stands in for the database table: stores each key as its XML text.</summary>
    private sealed class KeyRing : IXmlRepository
    {
        public List<string> Xml { get; } = [];

        public IReadOnlyCollection<XElement> GetAllElements() => Xml.Select(XElement.Parse).ToList();

        public void StoreElement(XElement element, string friendlyName) => Xml.Add(element.ToString(SaveOptions.DisableFormatting));

        public void Rewrite(Func<string, string> change)
        {
            for (var i = 0; i < Xml.Count; i++)
            {
                Xml[i] = change(Xml[i]);
            }
        }
    }
}
