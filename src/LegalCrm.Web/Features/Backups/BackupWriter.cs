using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Infrastructure.Database;
using LegalCrm.Web.Infrastructure.Keys;
using LegalCrm.Web.Infrastructure.Startup;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LegalCrm.Web.Features.Backups;

public sealed record BackupFolder(string Path, string Name, BackupManifest Manifest);

/// <summary>
/// Writes one consistent backup to a folder of its own: the database (<c>pg_dump</c> custom format, every firm, the key
/// ring still wrapped by the key-encryption key), then the document store's files as stored (encrypted), then the
/// manifest. The dump and the row counts come from one exported snapshot. Files are copied after the dump, and document
/// files are never changed once written, so every document in the dump has its file — except one disposed of by the
/// retention sweep during the backup, which the restore reports. The folder is written as <c>*.partial</c> and renamed
/// when complete, so a half-written backup is never taken for one.
/// </summary>
public sealed partial class BackupWriter(
    IConfiguration configuration, IOptions<BackupOptions> options, IOptions<DocumentOptions> documents, IWebHostEnvironment environment,
    KeyEncryptionKeys keys, TimeProvider clock, ILogger<BackupWriter> logger)
{
    public string Root => Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    private string DocumentsRoot => Path.GetFullPath(documents.Value.StoragePath, environment.ContentRootPath);

    public async Task<BackupFolder> WriteAsync(string? root = null, CancellationToken ct = default)
    {
        var admin = configuration.GetConnectionString(DatabaseStartup.AdminConnection);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"A backup reads every firm's data and needs the database owner's connection (ConnectionStrings:{DatabaseStartup.AdminConnection}).");
        }

        root ??= Root;
        var createdAt = clock.GetUtcNow();
        var name = $"legalcrm-{createdAt.UtcDateTime:yyyyMMdd-HHmmss-fff}Z";
        var folder = Path.Combine(root, name);
        var partial = folder + ".partial";
        Directory.CreateDirectory(partial);
        try
        {
            var dump = Path.Combine(partial, BackupManifest.DumpFileName);
            BackupManifest manifest;
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync(ct);
                await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
                var snapshotId = (string)(await Scalar(connection, "SELECT pg_export_snapshot()", ct))!;
                var (dumpKekId, salt) = await DumpAsync(admin, snapshotId, dump, createdAt, ct);
                var (files, bytes) = await CopyDocumentsAsync(partial, ct);
                manifest = new BackupManifest
                {
                    CreatedAt = createdAt,
                    DatabaseKeyEncryptionKeyId = dumpKekId,
                    DatabaseSalt = salt,
                    AppVersion = typeof(BackupWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
                    Migration = (string?)await Scalar(connection, "SELECT max(migration_id) FROM \"__EFMigrationsHistory\"", ct) ?? string.Empty,
                    KeyEncryptionKeyIds = await KeyEncryptionKeyIdsAsync(connection, ct),
                    DatabaseSha256 = await Sha256Async(dump, ct),
                    DatabaseBytes = new FileInfo(dump).Length,
                    DocumentFiles = files,
                    DocumentBytes = bytes,
                    RowCounts = await CountRowsAsync(connection, ct),
                };
            }

            await File.WriteAllTextAsync(Path.Combine(partial, BackupManifest.FileName), JsonSerializer.Serialize(manifest, BackupManifest.Json), ct);
            Directory.Move(partial, folder);
            logger.LogInformation("Backup {Name} written: database {DatabaseBytes} bytes, {Files} document files", name, manifest.DatabaseBytes, manifest.DocumentFiles);
            return new BackupFolder(folder, name, manifest);
        }
        catch
        {
            Directory.Delete(partial, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// pg_dump straight into the cipher (the plain dump never touches the disk), under a key derived from the current
    /// key-encryption key; without one (Development) the dump is written plain.
    /// </summary>
    private async Task<(string? KekId, string? Salt)> DumpAsync(string admin, string snapshotId, string dump, DateTimeOffset createdAt, CancellationToken ct)
    {
        var bin = configuration["Database:PostgresBinDirectory"];
        if (!keys.IsConfigured)
        {
            await PostgresTools.RunAsync("pg_dump", admin, ["--format=custom", "--snapshot=" + snapshotId, "--file=" + dump], bin, ct);
            return (null, null);
        }

        var salt = RandomNumberGenerator.GetBytes(16);
        var key = keys.Derive(keys.CurrentId!, salt, BackupManifest.DumpKeyPurpose);
        var context = BackupManifest.DumpContext(createdAt);
        var pipe = new System.IO.Pipelines.Pipe();
        await using var file = new FileStream(dump, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        var encrypting = Task.Run(async () =>
        {
            await using var plain = pipe.Reader.AsStream();
            await DocumentCipher.EncryptAsync(plain, file, context, 1, key, ct);
        }, ct);
        try
        {
            await using (var writer = pipe.Writer.AsStream())
            {
                await PostgresTools.RunAsync("pg_dump", admin, ["--format=custom", "--snapshot=" + snapshotId], bin, ct, output: writer);
            }
        }
        finally
        {
            await encrypting;
        }

        await file.FlushAsync(ct);
        return (keys.CurrentId, Convert.ToBase64String(salt));
    }

    /// <summary>The complete backups in the folder, newest first.</summary>
    public IReadOnlyList<BackupFolder> List(string? root = null)
    {
        root ??= Root;
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root, "legalcrm-*")
            .Where(d => !d.EndsWith(".partial", StringComparison.Ordinal) && File.Exists(Path.Combine(d, BackupManifest.FileName)))
            .Select(d => new BackupFolder(d, Path.GetFileName(d), ReadManifest(d)))
            .OrderByDescending(b => b.Manifest.CreatedAt)
            .ToList();
    }

    /// <summary>Removes the oldest complete backups beyond <paramref name="keep"/>; returns their names.</summary>
    public IReadOnlyList<string> Prune(int keep, string? root = null)
    {
        var removed = List(root).Skip(Math.Max(1, keep)).ToList();
        foreach (var backup in removed)
        {
            Directory.Delete(backup.Path, recursive: true);
        }

        return removed.Select(b => b.Name).ToList();
    }

    public static BackupManifest ReadManifest(string folder) =>
        JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(Path.Combine(folder, BackupManifest.FileName)), BackupManifest.Json)
        ?? throw new InvalidDataException($"{folder} has an empty manifest.");

    public static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }

    private async Task<(int Files, long Bytes)> CopyDocumentsAsync(string backup, CancellationToken ct)
    {
        var target = Path.Combine(backup, BackupManifest.DocumentsFolder);
        Directory.CreateDirectory(target);
        var checksums = new StringBuilder();
        var (files, bytes) = (0, 0L);
        if (Directory.Exists(DocumentsRoot))
        {
            foreach (var source in Directory.EnumerateFiles(DocumentsRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (source.EndsWith(".partial", StringComparison.Ordinal))
                {
                    continue; // an upload still being written; its record is not in the dump either
                }

                var relative = Path.GetRelativePath(DocumentsRoot, source).Replace('\\', '/');
                var destination = Path.Combine(target, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(source, destination);
                checksums.Append(await Sha256Async(destination, ct)).Append("  ").Append(BackupManifest.DocumentsFolder).Append('/').Append(relative).Append('\n');
                files++;
                bytes += new FileInfo(destination).Length;
            }
        }

        await File.WriteAllTextAsync(Path.Combine(backup, BackupManifest.DocumentChecksumsFileName), checksums.ToString(), ct);
        return (files, bytes);
    }

    private static async Task<IReadOnlyList<string>> KeyEncryptionKeyIdsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            foreach (Match match in KekAttribute().Matches(reader.GetString(0)))
            {
                ids.Add(match.Groups[1].Value);
            }
        }

        return ids.ToList();
    }

    internal static async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in BackupManifest.CountedTables)
        {
            counts[table] = (long)(await Scalar(connection, $"SELECT count(*) FROM {table}", ct))!;
        }

        return counts;
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }

    [GeneratedRegex("kek=\"([0-9a-f]{16})\"")]
    private static partial Regex KekAttribute();
}
