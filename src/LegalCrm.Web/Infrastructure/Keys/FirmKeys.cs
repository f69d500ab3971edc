using System.Security.Cryptography;
using LegalCrm.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Infrastructure.Keys;

/// <summary>
/// Hands out the firm's keys (<see cref="FirmKey"/>), making the first version when a purpose has none. Keys are
/// wrapped by Data Protection, whose key ring lives in the database and is itself encrypted by the key-encryption key
/// from configuration in production: a copy of the database alone opens nothing.
/// </summary>
public sealed class FirmKeys(CrmDbContext db, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const int KeySize = 32;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("LegalCrm.FirmKeys.v1");
    private readonly Dictionary<(string, int), byte[]> _cache = [];

    /// <summary>The newest version of the purpose's key, made now when there is none yet.</summary>
    public async Task<(int Version, byte[] Key)> CurrentAsync(string purpose, CancellationToken ct = default)
    {
        var newest = await NewestAsync(purpose, ct);
        if (newest is not null)
        {
            return (newest.Version, Unwrap(newest));
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await FirmLocks.TakeAsync(db, "firm-keys:" + purpose, ct);
        newest = await NewestAsync(purpose, ct) ?? await AddVersionAsync(purpose, 1, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return (newest.Version, Unwrap(newest));
    }

    /// <summary>Makes a new version of the purpose's key; what the older versions protected stays readable.</summary>
    public async Task<int> RotateAsync(string purpose, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await FirmLocks.TakeAsync(db, "firm-keys:" + purpose, ct);
        var newest = await NewestAsync(purpose, ct);
        var added = await AddVersionAsync(purpose, (newest?.Version ?? 0) + 1, ct);
        await transaction.CommitAsync(ct);
        return added.Version;
    }

    public async Task<byte[]> VersionAsync(string purpose, int version, CancellationToken ct = default)
    {
        if (_cache.TryGetValue((purpose, version), out var cached))
        {
            return cached;
        }

        var key = await db.Set<FirmKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Purpose == purpose && k.Version == version, ct)
            ?? throw new InvalidOperationException($"The firm has no {purpose} key version {version}.");
        return Unwrap(key);
    }

    private Task<FirmKey?> NewestAsync(string purpose, CancellationToken ct) =>
        db.Set<FirmKey>().AsNoTracking().Where(k => k.Purpose == purpose).OrderByDescending(k => k.Version).FirstOrDefaultAsync(ct);

    private async Task<FirmKey> AddVersionAsync(string purpose, int version, CancellationToken ct)
    {
        var key = new FirmKey
        {
            Purpose = purpose,
            Version = version,
            ProtectedKey = _protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize))),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(key);
        await db.SaveChangesAsync(ct);
        return key;
    }

    private byte[] Unwrap(FirmKey key)
    {
        if (!_cache.TryGetValue((key.Purpose, key.Version), out var bytes))
        {
            bytes = Convert.FromBase64String(_protector.Unprotect(key.ProtectedKey));
            _cache[(key.Purpose, key.Version)] = bytes;
        }

        return bytes;
    }
}
