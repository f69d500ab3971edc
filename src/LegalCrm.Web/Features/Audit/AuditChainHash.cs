using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LegalCrm.Web.Features.Audit;

/// <summary>The fields of an audit row the chain seals, as read back from the database.</summary>
public sealed record AuditChainRecord(
    long Seq,
    long Id,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    Guid? UserId,
    string ActorName,
    string Action,
    string EntityType,
    string? EntityId,
    string? SubjectType,
    Guid? SubjectId,
    string? IpAddress);

/// <summary>
/// The hash of one link of a firm's audit chain: HMAC-SHA256 under the firm's chain key over the previous link's hash,
/// the row's place, every field, and the SHA-256 of its changes. Keyed, so someone who can write to the database but
/// does not hold the key cannot forge a consistent chain. Fields are length-prefixed (null distinct from empty), so no
/// two different rows give the same input.
/// </summary>
public static class AuditChainHash
{
    public const int Size = 32;

    public static readonly byte[] Genesis = new byte[Size];

    /// <summary>
    /// The digest of a row's changes, keyed too: after an erasure the row keeps the digest of what it said, and an
    /// unkeyed hash would let anyone confirm a guess of the erased name.
    /// </summary>
    public static byte[] ChangesDigest(byte[] key, string? changes) =>
        changes is null ? new byte[Size] : HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("changes\n" + changes));

    public static byte[] Compute(byte[] key, ReadOnlySpan<byte> previous, AuditChainRecord row, ReadOnlySpan<byte> changesDigest)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        Append(hmac, previous, row, changesDigest);
        return hmac.GetHashAndReset();
    }

    /// <summary>The same with one HMAC instance reused over many rows (sealing and verifying thousands).</summary>
    public static bool TryCompute(IncrementalHash hmac, ReadOnlySpan<byte> previous, AuditChainRecord row, ReadOnlySpan<byte> changesDigest, Span<byte> hash)
    {
        Append(hmac, previous, row, changesDigest);
        return hmac.TryGetHashAndReset(hash, out _);
    }

    private static void Append(IncrementalHash hmac, ReadOnlySpan<byte> previous, AuditChainRecord row, ReadOnlySpan<byte> changesDigest)
    {
        Span<byte> number = stackalloc byte[8];
        hmac.AppendData(previous);
        AppendInt64(hmac, number, row.Seq);
        AppendInt64(hmac, number, row.Id);
        AppendGuid(hmac, row.TenantId);
        // PostgreSQL keeps microseconds: the value as stored, not as first written.
        AppendInt64(hmac, number, (row.OccurredAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
        AppendGuid(hmac, row.UserId);
        AppendText(hmac, number, row.ActorName);
        AppendText(hmac, number, row.Action);
        AppendText(hmac, number, row.EntityType);
        AppendText(hmac, number, row.EntityId);
        AppendText(hmac, number, row.SubjectType);
        AppendGuid(hmac, row.SubjectId);
        AppendText(hmac, number, row.IpAddress);
        hmac.AppendData(changesDigest);
    }

    private static void AppendInt64(IncrementalHash hmac, Span<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        hmac.AppendData(buffer);
    }

    private static void AppendGuid(IncrementalHash hmac, Guid? value)
    {
        Span<byte> bytes = stackalloc byte[17];
        if (value is { } guid)
        {
            bytes[0] = 1;
            guid.TryWriteBytes(bytes[1..], bigEndian: true, out _);
        }

        hmac.AppendData(bytes);
    }

    private static void AppendText(IncrementalHash hmac, Span<byte> buffer, string? value)
    {
        if (value is null)
        {
            AppendInt64(hmac, buffer, -1);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        AppendInt64(hmac, buffer, bytes.Length);
        hmac.AppendData(bytes);
    }
}
