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

/// <summary>
/// Files in a folder: <c>{root}/{firm}/{last two hex digits}/{version id}</c>, encrypted with the firm's document key
/// (<see cref="DocumentCipher"/>); the recorded size and checksum are those of the plaintext.
/// </summary>
public sealed class LocalFolderDocumentStore(IOptions<DocumentOptions> options, IWebHostEnvironment environment, DocumentKeyRing keys) : IDocumentStore
{
    private readonly string root = Path.GetFullPath(options.Value.StoragePath, environment.ContentRootPath);

    public async Task<StoredFile> SaveAsync(DocumentKey key, Stream content, CancellationToken ct = default)
    {
        var (keyVersion, keyBytes) = await keys.CurrentAsync(key.TenantId, ct);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            StoredFile stored;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                stored = await DocumentCipher.EncryptAsync(content, file, key, keyVersion, keyBytes, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            // The rename is atomic: readers see the whole file under its key or nothing.
            File.Move(temporary, path, overwrite: false);
            return stored;
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

        Stream content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.RandomAccess);
        try
        {
            // Files stored before encryption at rest was introduced are read as they are (still checked below).
            if (DocumentCipher.ReadKeyVersion(content) is { } keyVersion)
            {
                content = new DocumentDecryptingStream(content, key, await keys.VersionAsync(key.TenantId, keyVersion, ct));
            }

            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
            if (!string.Equals(actual, sha256, StringComparison.Ordinal))
            {
                throw new DocumentIntegrityException(key, "does not match its checksum");
            }

            content.Position = 0;
            return content;
        }
        catch (CryptographicException)
        {
            await content.DisposeAsync();
            throw new DocumentIntegrityException(key, "cannot be decrypted with the firm's key (damaged or altered)");
        }
        catch
        {
            await content.DisposeAsync();
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
