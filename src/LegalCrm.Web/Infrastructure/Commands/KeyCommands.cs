using LegalCrm.Web.Data;
using LegalCrm.Web.Infrastructure.Keys;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Infrastructure.Commands;

/// <summary>Key rotation for the operator (README, "Keys and encryption"; docs/decisions/0021).</summary>
public static class KeyCommands
{
    /// <summary><c>keys rewrap</c>: puts every Data Protection key under the current key-encryption key.</summary>
    public static async Task<int> RewrapAsync(WebApplication app)
    {
        var keys = app.Services.GetRequiredService<KeyEncryptionKeys>();
        if (!keys.IsConfigured)
        {
            await Console.Error.WriteLineAsync($"Set {KeyEncryptionKeys.CurrentSetting} (the new key) and list the old one under {KeyEncryptionKeys.RetiredSetting} first.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var (rewrapped, total) = await RewrapAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), keys);
        Console.WriteLine($"{rewrapped} of {total} key(s) moved to key-encryption key {keys.CurrentId}. " +
                          $"The retired key-encryption keys can now be removed from {KeyEncryptionKeys.RetiredSetting}.");
        return 0;
    }

    /// <summary>Moves every stored key-ring entry to <paramref name="keys"/>' current key, in one transaction.</summary>
    public static async Task<(int Rewrapped, int Total)> RewrapAsync(CrmDbContext db, KeyEncryptionKeys keys)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var rows = await db.DataProtectionKeys.ToListAsync();
        var rewrapped = 0;
        foreach (var row in rows)
        {
            if (row.Xml is not null && KeyRingRewrap.Rewrap(row.Xml, keys) is { } xml)
            {
                row.Xml = xml;
                rewrapped++;
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (rewrapped, rows.Count);
    }

    /// <summary><c>keys rotate-documents [--firm id]</c>: new document files of the firm(s) use a new key; older files keep theirs.</summary>
    public static async Task<int> RotateDocumentKeysAsync(WebApplication app, IReadOnlyList<Guid> firms)
    {
        foreach (var firm in firms)
        {
            await using var scope = app.Services.CreateFirmScope(firm, "keys rotate-documents");
            var version = await scope.ServiceProvider.GetRequiredService<FirmKeys>().RotateAsync(FirmKeyPurposes.Documents);
            Console.WriteLine($"Firm {firm}: new documents are encrypted with key version {version}.");
        }

        return 0;
    }
}
