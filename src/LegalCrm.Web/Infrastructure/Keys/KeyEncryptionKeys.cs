using System.Security.Cryptography;
using System.Text;

namespace LegalCrm.Web.Infrastructure.Keys;

/// <summary>
/// The key-encryption keys (KEK) from configuration that protect the Data Protection key ring in the database
/// (AVG art. 32: a copy of the database alone must open nothing). <c>Security:KeyEncryptionKey</c> is the current key
/// (32 random bytes, base64); <c>Security:RetiredKeyEncryptionKeys</c> lists earlier ones still needed to read keys
/// they wrapped, until <c>keys rewrap</c> has moved everything to the current one (docs/decisions/0021).
/// </summary>
public sealed class KeyEncryptionKeys
{
    public const string CurrentSetting = "Security:KeyEncryptionKey";
    public const string RetiredSetting = "Security:RetiredKeyEncryptionKeys";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _byId;

    private KeyEncryptionKeys(byte[]? current, IEnumerable<byte[]> retired)
    {
        _byId = retired.Append(current).OfType<byte[]>().ToDictionary(IdOf, k => k, StringComparer.Ordinal);
        CurrentId = current is null ? null : IdOf(current);
    }

    /// <summary>The id of the key new wrappings use; null when no key is configured.</summary>
    public string? CurrentId { get; }

    public bool IsConfigured => CurrentId is not null;

    public IReadOnlyCollection<string> KnownIds => _byId.Keys;

    public static KeyEncryptionKeys From(IConfiguration configuration)
    {
        var current = configuration[CurrentSetting];
        var retired = configuration.GetSection(RetiredSetting).GetChildren().Select(c => c.Value).OfType<string>();
        return new KeyEncryptionKeys(
            string.IsNullOrWhiteSpace(current) ? null : Parse(CurrentSetting, current),
            retired.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => Parse(RetiredSetting, r)));
    }

    /// <summary>A fresh key in the form the setting takes.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Non-secret name of a key: the first 8 bytes of a hash, enough to tell which key wrapped something.</summary>
    public static string IdOf(byte[] key) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.ASCII.GetBytes("LegalCrm KEK id:"), .. key]).AsSpan(0, 8));

    public bool Knows(string id) => _byId.ContainsKey(id);

    public (string KeyId, string Wrapped) Wrap(string plaintext)
    {
        var id = CurrentId ?? throw new InvalidOperationException($"No key-encryption key is configured ({CurrentSetting}).");
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + data.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_byId[id], TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.ASCII.GetBytes(id));
        return (id, Convert.ToBase64String(output));
    }

    public string Unwrap(string keyId, string wrapped)
    {
        if (!_byId.TryGetValue(keyId, out var key))
        {
            throw new KeyEncryptionKeyMissingException(keyId);
        }

        var input = Convert.FromBase64String(wrapped);
        var data = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), data, Encoding.ASCII.GetBytes(keyId));
        return Encoding.UTF8.GetString(data);
    }

    /// <summary>A key for one purpose derived from a key-encryption key (HKDF-SHA256), e.g. for a backup's database dump.</summary>
    public byte[] Derive(string keyId, byte[] salt, string purpose) =>
        _byId.TryGetValue(keyId, out var key)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt, Encoding.UTF8.GetBytes("LegalCrm " + purpose))
            : throw new KeyEncryptionKeyMissingException(keyId);

    private static byte[] Parse(string setting, string value)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} is not base64. Make a key with: dotnet LegalCrm.Web.dll keys new-kek");
        }

        return key.Length == 32
            ? key
            : throw new InvalidOperationException($"{setting} must be 32 bytes (base64 of 32 random bytes); it is {key.Length}. Make one with: dotnet LegalCrm.Web.dll keys new-kek");
    }
}

public sealed class KeyEncryptionKeyMissingException(string keyId)
    : Exception($"The Data Protection keys were encrypted with key-encryption key {keyId}, which is not configured. " +
                $"Add it to {KeyEncryptionKeys.CurrentSetting} or {KeyEncryptionKeys.RetiredSetting}.")
{
    public string KeyId { get; } = keyId;
}
