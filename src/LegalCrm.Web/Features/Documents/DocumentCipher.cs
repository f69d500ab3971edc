using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LegalCrm.Web.Features.Documents;

/// <summary>
/// How a document file is encrypted at rest with its firm's key (AVG art. 32): a header naming the key version, then
/// the content in 64 KiB chunks, each sealed with AES-256-GCM. Each chunk's associated data binds it to the firm, the
/// document version, its place and whether it is the last, so chunks cannot be swapped, reordered, cut off or moved
/// to another file without failing to decrypt. Backups encrypt their database dump the same way, with the backup's own
/// context in place of the document's.
/// </summary>
public static class DocumentCipher
{
    public const int ChunkSize = 64 * 1024;
    public const int TagSize = 16;
    public const int HeaderSize = 4 + 4 + NoncePrefixSize;
    private const int NoncePrefixSize = 8;

    private static ReadOnlySpan<byte> Magic => "LCE1"u8;

    /// <summary>Encrypts <paramref name="plaintext"/> into <paramref name="output"/>; returns the plaintext's size and SHA-256.</summary>
    public static Task<StoredFile> EncryptAsync(Stream plaintext, Stream output, DocumentKey key, int keyVersion, byte[] keyBytes, CancellationToken ct) =>
        EncryptAsync(plaintext, output, Context(key), keyVersion, keyBytes, ct);

    /// <summary>The same for any content, bound to <paramref name="context"/> (32 bytes naming what it is).</summary>
    public static async Task<StoredFile> EncryptAsync(Stream plaintext, Stream output, byte[] context, int keyVersion, byte[] keyBytes, CancellationToken ct)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), keyVersion);
        RandomNumberGenerator.Fill(header.AsSpan(8, NoncePrefixSize));
        await output.WriteAsync(header, ct);

        using var aes = new AesGcm(keyBytes, TagSize);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var current = new byte[ChunkSize];
        var next = new byte[ChunkSize];
        var sealedChunk = new byte[ChunkSize + TagSize];
        var currentLength = await plaintext.ReadAtLeastAsync(current, ChunkSize, throwOnEndOfStream: false, ct);
        long size = 0;
        for (var index = 0; ; index++)
        {
            // Read ahead: a chunk is sealed as the last one only when nothing follows it.
            var nextLength = currentLength == ChunkSize
                ? await plaintext.ReadAtLeastAsync(next, ChunkSize, throwOnEndOfStream: false, ct)
                : 0;
            var isLast = nextLength == 0;
            hash.AppendData(current, 0, currentLength);
            size += currentLength;
            aes.Encrypt(
                Nonce(header, index), current.AsSpan(0, currentLength), sealedChunk.AsSpan(0, currentLength),
                sealedChunk.AsSpan(currentLength, TagSize), AssociatedData(context, index, isLast));
            await output.WriteAsync(sealedChunk.AsMemory(0, currentLength + TagSize), ct);
            if (isLast)
            {
                break;
            }

            (current, next) = (next, current);
            currentLength = nextLength;
        }

        return new StoredFile(size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The key version of an encrypted file, or null for a file stored before encryption (plain content).</summary>
    public static int? ReadKeyVersion(Stream file)
    {
        Span<byte> header = stackalloc byte[8];
        file.Position = 0;
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return read == header.Length && header[..4].SequenceEqual(Magic) ? BinaryPrimitives.ReadInt32LittleEndian(header[4..]) : null;
    }

    internal static byte[] Nonce(ReadOnlySpan<byte> header, long index)
    {
        var nonce = new byte[12];
        header.Slice(8, NoncePrefixSize).CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(NoncePrefixSize), checked((uint)index));
        return nonce;
    }

    /// <summary>A document file's context: its firm and its version id.</summary>
    public static byte[] Context(DocumentKey key)
    {
        var context = new byte[32];
        key.TenantId.TryWriteBytes(context.AsSpan(0, 16));
        key.VersionId.TryWriteBytes(context.AsSpan(16, 16));
        return context;
    }

    internal static byte[] AssociatedData(byte[] context, long index, bool isLast)
    {
        var data = new byte[32 + 8 + 1];
        context.AsSpan(0, 32).CopyTo(data);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(32), index);
        data[40] = isLast ? (byte)1 : (byte)0;
        return data;
    }
}

/// <summary>
/// Reads an encrypted document file as its plaintext, one chunk at a time (seekable, so downloads can serve ranges).
/// A chunk that fails authentication throws <see cref="CryptographicException"/>.
/// </summary>
public sealed class DocumentDecryptingStream : Stream
{
    private readonly Stream _file;
    private readonly byte[] _context;
    private readonly AesGcm _aes;
    private readonly byte[] _header = new byte[DocumentCipher.HeaderSize];
    private readonly byte[] _sealed = new byte[DocumentCipher.ChunkSize + DocumentCipher.TagSize];
    private readonly byte[] _plain = new byte[DocumentCipher.ChunkSize];
    private readonly long _chunks;
    private long _loadedChunk = -1;
    private int _loadedLength;
    private long _position;

    public DocumentDecryptingStream(Stream file, DocumentKey key, byte[] keyBytes)
        : this(file, DocumentCipher.Context(key), keyBytes)
    {
    }

    public DocumentDecryptingStream(Stream file, byte[] context, byte[] keyBytes)
    {
        _file = file;
        _context = context;
        _aes = new AesGcm(keyBytes, DocumentCipher.TagSize);
        file.Position = 0;
        file.ReadExactly(_header);
        var body = file.Length - DocumentCipher.HeaderSize;
        const int sealedChunk = DocumentCipher.ChunkSize + DocumentCipher.TagSize;
        _chunks = Math.Max(1, (body + sealedChunk - 1) / sealedChunk);
        Length = body - (_chunks * DocumentCipher.TagSize);
        if (Length < 0)
        {
            throw new CryptographicException("The encrypted file is shorter than its own framing.");
        }

        if (Length == 0)
        {
            Load(0); // an empty file still has a tag to check
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        var index = _position / DocumentCipher.ChunkSize;
        Load(index);
        var within = (int)(_position - (index * DocumentCipher.ChunkSize));
        var count = Math.Min(buffer.Length, _loadedLength - within);
        _plain.AsSpan(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Load(long index)
    {
        if (index == _loadedChunk)
        {
            return;
        }

        var isLast = index == _chunks - 1;
        var plainLength = isLast ? (int)(Length - (index * DocumentCipher.ChunkSize)) : DocumentCipher.ChunkSize;
        _file.Position = DocumentCipher.HeaderSize + (index * (DocumentCipher.ChunkSize + DocumentCipher.TagSize));
        _file.ReadExactly(_sealed, 0, plainLength + DocumentCipher.TagSize);
        _loadedChunk = -1;
        _aes.Decrypt(
            DocumentCipher.Nonce(_header, index), _sealed.AsSpan(0, plainLength), _sealed.AsSpan(plainLength, DocumentCipher.TagSize),
            _plain.AsSpan(0, plainLength), DocumentCipher.AssociatedData(_context, index, isLast));
        _loadedChunk = index;
        _loadedLength = plainLength;
    }
}
