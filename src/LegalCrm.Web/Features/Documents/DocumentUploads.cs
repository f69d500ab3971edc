using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Tenancy;
using Microsoft.Extensions.Options;

namespace LegalCrm.Web.Features.Documents;

/// <summary>A file as it arrives (an <see cref="IFormFile"/> in the app), so the upload rules can run without a web request.</summary>
public sealed record IncomingFile(string? FileName, long Length, Func<Stream> OpenReadStream);

public sealed record UploadOutcome(IReadOnlyList<UploadProblem> Problems, IReadOnlyList<Guid> DocumentIds, IReadOnlyList<(string Original, string SavedAs)> Renamed)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Adds documents and versions so that the file and its record exist together or not at all: every file of a batch is
/// checked first (one bad file refuses the batch), then stored, then recorded in one transaction; if the database
/// refuses, the stored files are deleted again. A crash between the two leaves a file without a record, which
/// <see cref="DocumentOrphanSweep"/> removes.
/// </summary>
public sealed class DocumentUploads(CrmDbContext db, IDocumentStore store, TenantContext tenant, CurrentUser me, TimeProvider clock, IOptions<DocumentOptions> options)
{
    public async Task<UploadOutcome> AddDocumentsAsync(Guid dossierId, IReadOnlyList<IncomingFile> files, DocumentCategory category, DateOnly? documentDate, CancellationToken ct = default)
    {
        var (checkedFiles, problems) = await CheckAsync(files, ct);
        if (problems.Count > 0)
        {
            return new UploadOutcome(problems, [], []);
        }

        var now = clock.GetUtcNow();
        var documents = new List<Document>();
        var versions = new List<DocumentVersion>();
        foreach (var file in checkedFiles)
        {
            var document = new Document
            {
                DossierId = dossierId,
                Title = FileNames.TitleFrom(file.Name),
                Category = category,
                DocumentDate = documentDate,
                CurrentVersion = 1,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedBy = me.DisplayName ?? me.ActorName,
            };
            documents.Add(document);
            versions.Add(NewVersion(document, 1, file, now));
        }

        await StoreAndRecordAsync(checkedFiles, versions, () => db.AddRange(documents), ct);
        return new UploadOutcome([], documents.Select(d => d.Id).ToList(), Renamed(checkedFiles));
    }

    /// <summary>A new version becomes the current one; the xmin of the document refuses a second version uploaded at the same moment.</summary>
    public async Task<UploadOutcome> AddVersionAsync(Document document, IncomingFile file, CancellationToken ct = default)
    {
        var (checkedFiles, problems) = await CheckAsync([file], ct);
        if (problems.Count > 0)
        {
            return new UploadOutcome(problems, [], []);
        }

        var now = clock.GetUtcNow();
        var version = NewVersion(document, document.CurrentVersion + 1, checkedFiles[0], now);
        await StoreAndRecordAsync(checkedFiles, [version], () =>
        {
            document.CurrentVersion = version.Number;
            document.UpdatedAt = now;
            document.UpdatedBy = me.DisplayName ?? me.ActorName;
        }, ct);
        return new UploadOutcome([], [document.Id], Renamed(checkedFiles));
    }

    private async Task<(List<CheckedFile> Files, List<UploadProblem> Problems)> CheckAsync(IReadOnlyList<IncomingFile> files, CancellationToken ct)
    {
        var problems = new List<UploadProblem>();
        var result = new List<CheckedFile>();
        if (files.Count == 0)
        {
            problems.Add(new UploadProblem(string.Empty, "Choose one or more files.", []));
        }
        else if (files.Count > options.Value.MaxFilesPerUpload)
        {
            problems.Add(new UploadProblem(string.Empty, "At most {0} files at a time.", [options.Value.MaxFilesPerUpload]));
        }

        foreach (var file in files.Take(options.Value.MaxFilesPerUpload))
        {
            var name = FileNames.Sanitise(file.FileName);
            var head = new byte[FileTypes.HeadLength];
            int read;
            await using (var stream = file.OpenReadStream())
            {
                read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            }

            var problem = DocumentUploadRules.Check(name, file.Length, head.AsSpan(0, read), options.Value.MaxFileSizeBytes);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            result.Add(new CheckedFile(file, name, FileTypes.Check(name, head.AsSpan(0, read)).ContentType!));
        }

        return (result, problems);
    }

    private DocumentVersion NewVersion(Document document, int number, CheckedFile file, DateTimeOffset now) => new()
    {
        DocumentId = document.Id,
        DossierId = document.DossierId,
        Number = number,
        FileName = file.Name,
        ContentType = file.ContentType,
        UploadedAt = now,
        UploadedByUserId = me.UserId,
        UploadedBy = me.DisplayName ?? me.ActorName,
    };

    private async Task StoreAndRecordAsync(List<CheckedFile> files, List<DocumentVersion> versions, Action addRecords, CancellationToken ct)
    {
        var stored = new List<DocumentKey>();
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var key = new DocumentKey(tenant.RequiredTenantId, versions[i].Id);
                await using var content = files[i].File.OpenReadStream();
                var file = await store.SaveAsync(key, content, ct);
                stored.Add(key);
                versions[i].SizeBytes = file.SizeBytes;
                versions[i].Sha256 = file.Sha256;
            }

            addRecords();
            db.AddRange(versions);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // Nothing half-saved: the records were not written, so neither may the files stay.
            foreach (var key in stored)
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }

            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static List<(string Original, string SavedAs)> Renamed(IEnumerable<CheckedFile> files) =>
        files.Where(f => DocumentUploadRules.WasRenamed(f.File.FileName, f.Name)).Select(f => (f.File.FileName ?? string.Empty, f.Name)).ToList();

    private sealed record CheckedFile(IncomingFile File, string Name, string ContentType);
}
