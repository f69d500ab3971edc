using System.Collections.Concurrent;
using LegalCrm.Web.Infrastructure.Keys;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Documents;

/// <summary>
/// The firms' document keys for the (singleton) document store. A key is read in a scope of its own firm, so the
/// row-level security of <c>firm_keys</c> applies as everywhere else; unwrapped older versions are kept in memory.
/// </summary>
public sealed class DocumentKeyRing(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<(Guid Firm, int Version), byte[]> _versions = new();

    /// <summary>The version new files are written with (the newest; made on first use).</summary>
    public async Task<(int Version, byte[] Key)> CurrentAsync(Guid firmId, CancellationToken ct)
    {
        await using var scope = FirmScope(firmId);
        var current = await scope.ServiceProvider.GetRequiredService<FirmKeys>().CurrentAsync(FirmKeyPurposes.Documents, ct);
        _versions.TryAdd((firmId, current.Version), current.Key);
        return current;
    }

    public async Task<byte[]> VersionAsync(Guid firmId, int version, CancellationToken ct)
    {
        if (_versions.TryGetValue((firmId, version), out var key))
        {
            return key;
        }

        await using var scope = FirmScope(firmId);
        key = await scope.ServiceProvider.GetRequiredService<FirmKeys>().VersionAsync(FirmKeyPurposes.Documents, version, ct);
        _versions.TryAdd((firmId, version), key);
        return key;
    }

    private AsyncServiceScope FirmScope(Guid firmId) => scopes.CreateFirmScope(firmId);
}
