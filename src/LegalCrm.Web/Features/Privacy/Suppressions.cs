using System.Security.Cryptography;
using System.Text;
using LegalCrm.Web.Data;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// The suppression list: keyed hashes (HMAC-SHA256 under a random key per firm) of the e-mail addresses and phone
/// numbers of erased people. A plain hash of a phone number is reversed by trying every number; without the firm's key
/// it cannot be. Imports and mailing lists check against it so an erased person is not brought back (art. 17, 21(3)).
/// </summary>
public sealed class Suppressions(CrmDbContext db, TenantContext tenant, TimeProvider clock)
{
    private byte[]? _key;

    /// <summary>An e-mail address in lower case, a phone number as its digits with the Dutch trunk 0 as 31.</summary>
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            return trimmed.ToLowerInvariant();
        }

        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        else if (digits.StartsWith('0'))
        {
            digits = "31" + digits[1..];
        }

        return digits.Length >= 6 ? "+" + digits : null;
    }

    public async Task AddAsync(IEnumerable<string?> values, CancellationToken ct)
    {
        var hashes = new List<string>();
        foreach (var value in values)
        {
            if (Normalise(value) is { } normal)
            {
                hashes.Add(await HashAsync(normal, ct));
            }
        }

        var known = await db.SuppressionEntries.Where(s => hashes.Contains(s.Hash)).Select(s => s.Hash).ToListAsync(ct);
        foreach (var hash in hashes.Distinct().Except(known))
        {
            db.SuppressionEntries.Add(new SuppressionEntry { Hash = hash, CreatedAt = clock.GetUtcNow() });
        }
    }

    /// <summary>Which of the values belong to an erased person.</summary>
    public async Task<IReadOnlySet<string>> SuppressedAsync(IEnumerable<string?> values, CancellationToken ct)
    {
        var byHash = new Dictionary<string, string>();
        foreach (var value in values)
        {
            if (Normalise(value) is { } normal)
            {
                byHash[await HashAsync(normal, ct)] = value!;
            }
        }

        if (byHash.Count == 0)
        {
            return new HashSet<string>();
        }

        var keys = byHash.Keys.ToList();
        var found = await db.SuppressionEntries.Where(s => keys.Contains(s.Hash)).Select(s => s.Hash).ToListAsync(ct);
        return found.Select(h => byHash[h]).ToHashSet();
    }

    private async Task<string> HashAsync(string normalised, CancellationToken ct)
    {
        _key ??= await KeyAsync(ct);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary>The firm's key, made on first use; two first uses at once agree on the one that was stored first.</summary>
    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        var firm = tenant.RequiredTenantId;
        var candidate = RandomNumberGenerator.GetBytes(32);
        await db.Firms.Where(f => f.Id == firm && f.SuppressionKey == null).ExecuteUpdateAsync(s => s.SetProperty(f => f.SuppressionKey, candidate), ct);
        return await db.Firms.Where(f => f.Id == firm).Select(f => f.SuppressionKey!).SingleAsync(ct);
    }
}
