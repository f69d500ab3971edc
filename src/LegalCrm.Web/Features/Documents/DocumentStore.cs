using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Documents;

public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Where the local store keeps files; relative paths are taken from the app's content root.</summary>
    public string StoragePath { get; set; } = ".data/documents";

    public int MaxFileSizeMegabytes { get; set; } = 50;

    public int MaxFilesPerUpload { get; set; } = 20;

    public long MaxFileSizeBytes => MaxFileSizeMegabytes * 1024L * 1024L;
}

/// <summary>A stored file is addressed by its firm and the id of its <see cref="DocumentVersion"/>, never by a name.</summary>
public readonly record struct DocumentKey(Guid TenantId, Guid VersionId);

public sealed record StoredFile(long SizeBytes, string Sha256);

/// <summary>The file half of a document is damaged or gone: the bytes no longer match the recorded checksum.</summary>
public sealed class DocumentIntegrityException(DocumentKey key, string problem)
    : Exception($"Stored file {key.TenantId:N}/{key.VersionId:N} {problem}.");

/// <summary>
/// Where document files live. The local folder is the default; an S3-compatible store would implement the same three
/// operations. Writes are all-or-nothing (a half-written file never appears under its key) and every read is checked
/// against the SHA-256 recorded when the file was written.
/// </summary>
public interface IDocumentStore
{
    Task<StoredFile> SaveAsync(DocumentKey key, Stream content, CancellationToken ct = default);

    /// <summary>Opens the file after checking it against <paramref name="sha256"/>; throws <see cref="DocumentIntegrityException"/> if it does not match.</summary>
    Task<Stream> OpenVerifiedAsync(DocumentKey key, string sha256, CancellationToken ct = default);

    /// <summary>Removes the file; a file that is not there (never written, or removed already) is no error.</summary>
    Task DeleteAsync(DocumentKey key, CancellationToken ct = default);

    /// <summary>The version ids stored for a firm whose files were written before <paramref name="before"/> (for the orphan sweep).</summary>
    IEnumerable<Guid> ListWrittenBefore(Guid tenantId, DateTimeOffset before);

    /// <summary>Removes writes that never finished (the app stopped mid-upload) and started before <paramref name="before"/>; returns how many.</summary>
    int DeleteUnfinishedWritesBefore(Guid tenantId, DateTimeOffset before);
}

/// <summary>Files in a folder: <c>{root}/{firm}/{last two hex digits}/{version id}</c>.</summary>
public sealed class LocalFolderDocumentStore(IOptions<DocumentOptions> options, IWebHostEnvironment environment) : IDocumentStore
{
    private readonly string root = Path.GetFullPath(options.Value.StoragePath, environment.ContentRootPath);

    public async Task<StoredFile> SaveAsync(DocumentKey key, Stream content, CancellationToken ct = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    size += read;
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            // The rename is atomic: readers see the whole file under its key or nothing.
            File.Move(temporary, path, overwrite: false);
            return new StoredFile(size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public async Task<Stream> OpenVerifiedAsync(DocumentKey key, string sha256, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            throw new DocumentIntegrityException(key, "is missing");
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
            if (!string.Equals(actual, sha256, StringComparison.Ordinal))
            {
                throw new DocumentIntegrityException(key, "does not match its checksum");
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public Task DeleteAsync(DocumentKey key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    public IEnumerable<Guid> ListWrittenBefore(Guid tenantId, DateTimeOffset before)
    {
        var folder = Path.Combine(root, tenantId.ToString("N"));
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(path);
            if (name.Length == 32 && Guid.TryParseExact(name, "N", out var id) && File.GetLastWriteTimeUtc(path) < before.UtcDateTime)
            {
                yield return id;
            }
        }
    }

    public int DeleteUnfinishedWritesBefore(Guid tenantId, DateTimeOffset before)
    {
        var folder = Path.Combine(root, tenantId.ToString("N"));
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.partial", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(path) < before.UtcDateTime)
            {
                File.Delete(path);
                deleted++;
            }
        }

        return deleted;
    }

    private string PathOf(DocumentKey key)
    {
        var id = key.VersionId.ToString("N");
        return Path.Combine(root, key.TenantId.ToString("N"), id[^2..], id);
    }
}
