using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Infrastructure.Database;
using LegalCrm.Web.Infrastructure.Keys;
using Npgsql;

namespace LegalCrm.Web.Features.Backups;

/// <summary>A restore refused before anything was changed (the message says why and what to do).</summary>
public sealed class BackupRefusedException(string message) : Exception(message + " Nothing was changed.");

public sealed record RestoreReport(BackupManifest Manifest, IReadOnlyDictionary<string, long> RowCounts, string? PreviousDocuments);

/// <summary>
/// Restores a backup written by <see cref="BackupWriter"/>. Everything that can be checked is checked before anything is
/// changed: the dump's and every file's checksum, that this installation has the key-encryption key the backup's key
/// ring needs, and that the database and the document folder are empty (or <c>replace</c> was asked). Then the files
/// are copied beside the document folder, the database is restored in one transaction, the files are moved into place
/// (an existing folder is kept aside, never deleted), the database is migrated and secured, and the row counts are
/// compared with the manifest.
/// </summary>
public sealed class BackupRestorer(KeyEncryptionKeys keys, TimeProvider clock, ILogger<BackupRestorer> logger)
{
    public async Task<RestoreReport> RestoreAsync(
        string from, string adminConnectionString, string documentsPath, bool replace, string? binDirectory, CancellationToken ct = default)
    {
        if (!File.Exists(Path.Combine(from, BackupManifest.FileName)))
        {
            throw new BackupRefusedException($"{from} is not a LegalCrm backup (no {BackupManifest.FileName}).");
        }

        var manifest = BackupWriter.ReadManifest(from);
        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new BackupRefusedException($"The backup has format {manifest.Format}; this version reads format {BackupManifest.CurrentFormat}.");
        }

        var missingKeys = manifest.KeyEncryptionKeyIds.Append(manifest.DatabaseKeyEncryptionKeyId).OfType<string>().Distinct().Where(id => !keys.Knows(id)).ToList();
        if (missingKeys.Count > 0)
        {
            throw new BackupRefusedException(
                $"The backup's keys are encrypted with key-encryption key {string.Join(", ", missingKeys)}, which this installation does not have. " +
                $"Configure it as {KeyEncryptionKeys.CurrentSetting} (or under {KeyEncryptionKeys.RetiredSetting}) — it is in the emergency plan, not in the backup.");
        }

        var dump = Path.Combine(from, BackupManifest.DumpFileName);
        if (!File.Exists(dump) || await BackupWriter.Sha256Async(dump, ct) != manifest.DatabaseSha256)
        {
            throw new BackupRefusedException("The backup's database dump is missing or does not match its checksum.");
        }

        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('public', 'hangfire')", connection);
            if ((long)(await tables.ExecuteScalarAsync(ct))! > 0 && !replace)
            {
                throw new BackupRefusedException($"The database {connection.Database} is not empty. Restore into an empty database, or pass --replace to restore over it.");
            }
        }

        var documentsInUse = Directory.Exists(documentsPath) && Directory.EnumerateFileSystemEntries(documentsPath).Any();
        if (documentsInUse && !replace)
        {
            throw new BackupRefusedException($"The document folder {documentsPath} is not empty. Restore into an empty folder, or pass --replace (the folder is kept aside).");
        }

        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var staging = $"{documentsPath.TrimEnd('/')}.restoring-{stamp}";
        await CopyVerifiedDocumentsAsync(from, staging, manifest.DocumentFiles, ct);

        try
        {
            logger.LogInformation("Restoring the database from {Dump}", dump);
            List<string> arguments = ["--no-owner", "--no-acl", "--single-transaction", "--exit-on-error"];
            if (replace)
            {
                arguments.AddRange(["--clean", "--if-exists"]);
            }

            arguments.Add("--dbname=" + new NpgsqlConnectionStringBuilder(adminConnectionString).Database);
            if (manifest.DatabaseKeyEncryptionKeyId is { } kek)
            {
                // Decrypted on the way into pg_restore: the plain dump never touches the disk.
                var key = keys.Derive(kek, Convert.FromBase64String(manifest.DatabaseSalt!), BackupManifest.DumpKeyPurpose);
                await PostgresTools.RunAsync("pg_restore", adminConnectionString, arguments, binDirectory, ct, input: async stdin =>
                {
                    await using var plain = new DocumentDecryptingStream(File.OpenRead(dump), BackupManifest.DumpContext(manifest.CreatedAt), key);
                    await plain.CopyToAsync(stdin, ct);
                });
            }
            else
            {
                arguments.Add(dump);
                await PostgresTools.RunAsync("pg_restore", adminConnectionString, arguments, binDirectory, ct);
            }
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }

        string? previous = null;
        if (Directory.Exists(documentsPath))
        {
            if (documentsInUse)
            {
                previous = $"{documentsPath.TrimEnd('/')}.before-restore-{stamp}";
                Directory.Move(documentsPath, previous);
            }
            else
            {
                Directory.Delete(documentsPath);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(documentsPath))!);
        Directory.Move(staging, documentsPath);

        IReadOnlyDictionary<string, long> counts;
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync(ct);
            counts = await BackupWriter.CountRowsAsync(connection, ct);
        }

        var different = manifest.RowCounts.Where(c => counts.GetValueOrDefault(c.Key, -1) != c.Value).Select(c => $"{c.Key} {counts.GetValueOrDefault(c.Key, -1)} (backup: {c.Value})").ToList();
        if (different.Count > 0)
        {
            throw new InvalidOperationException("The restored database does not hold what the backup recorded: " + string.Join(", ", different));
        }

        // A backup of an older version gets this version's migrations; every restore gets the grants and policies again.
        await DatabaseMigrator.MigrateAsync(adminConnectionString, logger, ct);
        return new RestoreReport(manifest, counts, previous);
    }

    private static async Task CopyVerifiedDocumentsAsync(string from, string staging, int expectedFiles, CancellationToken ct)
    {
        Directory.CreateDirectory(staging);
        try
        {
            var lines = (await File.ReadAllLinesAsync(Path.Combine(from, BackupManifest.DocumentChecksumsFileName), ct)).Where(l => l.Length > 66).ToList();
            if (lines.Count != expectedFiles)
            {
                throw new BackupRefusedException($"The backup lists {lines.Count} document files; its manifest says {expectedFiles}.");
            }

            foreach (var line in lines)
            {
                var sha = line[..64];
                var relative = line[66..];
                var prefix = BackupManifest.DocumentsFolder + "/";
                if (!relative.StartsWith(prefix, StringComparison.Ordinal) || relative.Contains("..", StringComparison.Ordinal))
                {
                    throw new BackupRefusedException($"The backup's list of document files names an unexpected path: {relative}.");
                }

                var source = Path.Combine(from, relative);
                if (!File.Exists(source) || await BackupWriter.Sha256Async(source, ct) != sha)
                {
                    throw new BackupRefusedException($"The backup's document file {relative} is missing or does not match its checksum.");
                }

                var destination = Path.Combine(staging, relative[prefix.Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(source, destination);
            }
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }
}
