using System.Security.Cryptography;
using LegalCrm.Web.Features.Documents;

namespace LegalCrm.UnitTests.Documents;

public sealed class DocumentCipherTests
{
    private static readonly byte[] FirmKey = RandomNumberGenerator.GetBytes(32);
    private static readonly DocumentKey Key = new(Guid.NewGuid(), Guid.NewGuid());

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(DocumentCipher.ChunkSize - 1)]
    [InlineData(DocumentCipher.ChunkSize)]
    [InlineData(DocumentCipher.ChunkSize + 1)]
    [InlineData((3 * DocumentCipher.ChunkSize) + 5)]
    public async Task Content_comes_back_exactly_and_the_checksum_is_of_the_plaintext(int size)
    {
        var plaintext = RandomNumberGenerator.GetBytes(size);
        var (encrypted, stored) = await EncryptAsync(plaintext, keyVersion: 3);

        Assert.Equal(size, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(plaintext)), stored.Sha256);
        Assert.Equal(3, DocumentCipher.ReadKeyVersion(new MemoryStream(encrypted)));
        Assert.Equal(plaintext, Decrypt(encrypted, Key));
    }

    [Fact]
    public async Task The_stored_bytes_do_not_contain_the_text()
    {
        var plaintext = "Vertrouwelijk advies aan cliënt Jansen over de schikking"u8.ToArray();
        var (encrypted, _) = await EncryptAsync(plaintext);

        Assert.Equal(-1, encrypted.AsSpan().IndexOf(plaintext.AsSpan(0, 16)));
    }

    [Fact]
    public void A_plain_file_has_no_key_version() =>
        Assert.Null(DocumentCipher.ReadKeyVersion(new MemoryStream("%PDF-1.7 plain"u8.ToArray())));

    [Fact]
    public async Task A_changed_byte_anywhere_fails_to_decrypt()
    {
        var (encrypted, _) = await EncryptAsync(RandomNumberGenerator.GetBytes((2 * DocumentCipher.ChunkSize) + 100));
        foreach (var at in new[] { DocumentCipher.HeaderSize + 1, DocumentCipher.HeaderSize + DocumentCipher.ChunkSize + 20, encrypted.Length - 1, 9 })
        {
            var tampered = (byte[])encrypted.Clone();
            tampered[at] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => Decrypt(tampered, Key));
        }
    }

    [Fact]
    public async Task A_file_cut_off_after_a_whole_chunk_fails_to_decrypt()
    {
        var (encrypted, _) = await EncryptAsync(RandomNumberGenerator.GetBytes((2 * DocumentCipher.ChunkSize) + 100));
        var cut = encrypted[..(DocumentCipher.HeaderSize + (2 * (DocumentCipher.ChunkSize + DocumentCipher.TagSize)))];

        Assert.ThrowsAny<CryptographicException>(() => Decrypt(cut, Key));
    }

    [Fact]
    public async Task A_file_moved_under_another_document_or_firm_fails_to_decrypt()
    {
        var (encrypted, _) = await EncryptAsync(RandomNumberGenerator.GetBytes(500));

        Assert.ThrowsAny<CryptographicException>(() => Decrypt(encrypted, Key with { VersionId = Guid.NewGuid() }));
        Assert.ThrowsAny<CryptographicException>(() => Decrypt(encrypted, Key with { TenantId = Guid.NewGuid() }));
    }

    [Fact]
    public async Task Another_key_fails_to_decrypt()
    {
        var (encrypted, _) = await EncryptAsync(RandomNumberGenerator.GetBytes(500));

        Assert.ThrowsAny<CryptographicException>(() => Read(new DocumentDecryptingStream(new MemoryStream(encrypted), Key, RandomNumberGenerator.GetBytes(32))));
    }

    [Fact]
    public async Task A_range_can_be_read_from_the_middle()
    {
        var plaintext = RandomNumberGenerator.GetBytes((3 * DocumentCipher.ChunkSize) + 7);
        var (encrypted, _) = await EncryptAsync(plaintext);
        using var stream = new DocumentDecryptingStream(new MemoryStream(encrypted), Key, FirmKey);
        stream.Position = DocumentCipher.ChunkSize - 10;
        var range = new byte[30];
        stream.ReadExactly(range);

        Assert.Equal(plaintext.Length, stream.Length);
        Assert.Equal(plaintext.AsSpan(DocumentCipher.ChunkSize - 10, 30).ToArray(), range);
    }

    private static async Task<(byte[] Encrypted, StoredFile Stored)> EncryptAsync(byte[] plaintext, int keyVersion = 1)
    {
        using var output = new MemoryStream();
        var stored = await DocumentCipher.EncryptAsync(new MemoryStream(plaintext), output, Key, keyVersion, FirmKey, CancellationToken.None);
        return (output.ToArray(), stored);
    }

    private static byte[] Decrypt(byte[] encrypted, DocumentKey key) => Read(new DocumentDecryptingStream(new MemoryStream(encrypted), key, FirmKey));

    private static byte[] Read(Stream stream)
    {
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
