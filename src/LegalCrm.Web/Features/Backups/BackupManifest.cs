using System.Text.Json;
using System.Text.Json.Serialization;

namespace LegalCrm.Web.Features.Backups;

public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where backups are written, one folder each; relative paths are taken from the app's content root.</summary>
    public string Folder { get; set; } = ".data/backups";

    /// <summary>How many complete backups the scheduled job keeps (older ones are removed after a new one succeeded).</summary>
    public int Keep { get; set; } = 7;

    /// <summary>Cron in Amsterdam time for the scheduled backup, or "off" (default: every night at 01:30, before the retention sweep).</summary>
    public string Schedule { get; set; } = "30 1 * * *";

    public bool Scheduled => !string.Equals(Schedule, "off", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// <c>manifest.json</c> of a backup folder: what it holds and how to check it. The database dump and each document file
/// have a SHA-256 (documents in <c>documents.sha256</c>, the format <c>sha256sum -c</c> reads), the row counts say
/// what a restore must bring back, and the key-encryption key ids say which key the restoring installation needs.
/// </summary>
public sealed record BackupManifest
{
    public const string FileName = "manifest.json";
    public const string DumpFileName = "database.dump";
    public const string DocumentsFolder = "documents";
    public const string DocumentChecksumsFileName = "documents.sha256";
    public const int CurrentFormat = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public int Format { get; init; } = CurrentFormat;

    public DateTimeOffset CreatedAt { get; init; }

    public required string AppVersion { get; init; }

    /// <summary>The newest database migration in the dump.</summary>
    public required string Migration { get; init; }

    public required IReadOnlyList<string> KeyEncryptionKeyIds { get; init; }

    /// <summary>SHA-256 of <c>database.dump</c> as stored (encrypted, when it is).</summary>
    public required string DatabaseSha256 { get; init; }

    /// <summary>
    /// The key-encryption key whose derived key encrypts the dump, and the derivation's salt (base64); both null when the
    /// installation had no key-encryption key (Development) and the dump is plain.
    /// </summary>
    public string? DatabaseKeyEncryptionKeyId { get; init; }

    public string? DatabaseSalt { get; init; }

    /// <summary>What the dump's encryption is bound to: the backup's creation time, so a dump cannot pass for another backup's.</summary>
    public static byte[] DumpContext(DateTimeOffset createdAt) =>
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("LegalCrm backup " + createdAt.ToUnixTimeMilliseconds()));

    public const string DumpKeyPurpose = "backup database dump v1";

    public long DatabaseBytes { get; init; }

    public int DocumentFiles { get; init; }

    public long DocumentBytes { get; init; }

    public required IReadOnlyDictionary<string, long> RowCounts { get; init; }

    /// <summary>The tables whose exact counts a backup records and a restore checks.</summary>
    public static readonly IReadOnlyList<string> CountedTables =
    [
        "firms", "users", "roles", "contacts", "dossiers", "documents", "document_versions", "communications", "deadlines", "tasks",
        "audit_entries", "firm_keys", "data_protection_keys",
    ];
}
