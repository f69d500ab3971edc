using System.Text;
using System.Text.Json;
using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Infrastructure.Time;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// Carries out an import: all rows in one transaction, so a failure leaves nothing half-imported. Progress is written
/// through a second connection, outside that transaction, so the page can show it while the import runs. Idempotent:
/// an import that has finished is not run again, and an advisory lock keeps two workers from running the same one.
/// </summary>
public sealed class ContactImportJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ContactImportJob> logger)
{
    /// <summary>Files up to this many rows are imported while the user waits; larger ones go to the job queue.</summary>
    public const int InlineRows = 500;

    /// <summary>What the page shows for a failed run (translated there); the details are in the log, not for users.</summary>
    public const string FailedMessage = "The import failed because of an error on our side. Try again later or contact the administrator.";

    private const int BatchSize = 250;

    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid tenantId, Guid importId, CancellationToken ct)
    {
        await using var scope = scopes.CreateFirmScope(tenantId);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CrmDbContext>();

        var import = await db.ContactImports.SingleOrDefaultAsync(i => i.Id == importId, ct);
        if (import is null || import.Status is not (ImportStatus.Queued or ImportStatus.Running) || import.Content is null)
        {
            return;
        }

        services.GetRequiredService<CurrentUser>().Identify(import.CreatedById, import.CreatedByName);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({importId.ToString()}, 0)) AS \"Value\"").SingleAsync(ct);
            if (!locked)
            {
                return;
            }

            await ReportAsync(tenantId, importId, ImportStatus.Running, 0, ct);
            var table = ImportFileReader.Read(import.Content, import.FileName);
            var plan = await services.GetRequiredService<ContactImportPlanner>().PlanAsync(import, table, ct);
            await ApplyAsync(services, db, import, plan, ct);

            db.ChangeTracker.Clear();
            db.Attach(import);
            import.Status = ImportStatus.Completed;
            import.ProcessedRows = plan.Rows.Count;
            import.CreatedCount = plan.Creates;
            import.UpdatedCount = plan.Updates;
            import.RejectedCount = plan.Rejects;
            import.RejectedRows = RejectedRowsFile.Serialize(plan.Rows.Where(r => r.Action == ImportAction.Reject));
            import.Content = null;
            import.CompletedAt = clock.GetUtcNow();
            services.GetRequiredService<AuditEvents>().Add(AuditActions.Import, nameof(ContactImport), import.Id.ToString(),
                new { import.FileName, Created = plan.Creates, Updated = plan.Updates, Rejected = plan.Rejects });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Import {ImportId}: {Created} created, {Updated} updated, {Rejected} rejected", importId, plan.Creates, plan.Updates, plan.Rejects);
        }
        catch (Exception ex) when (ex is NpgsqlException { IsTransient: true } or TimeoutException)
        {
            logger.LogWarning(ex, "Import {ImportId} hit a transient database error; nothing was imported and it will be retried", importId);
            await ReportAsync(tenantId, importId, ImportStatus.Queued, 0, CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Import {ImportId} failed; nothing was imported", importId);
            await ReportAsync(tenantId, importId, ImportStatus.Failed, 0, CancellationToken.None, FailedMessage);
        }
    }

    private async Task ApplyAsync(IServiceProvider services, CrmDbContext db, ContactImport import, ImportPlan plan, CancellationToken ct)
    {
        var numbers = services.GetRequiredService<NumberSequences>();
        var now = clock.GetUtcNow();
        var today = AmsterdamTime.Today(clock);
        var done = 0;
        foreach (var batch in plan.Rows.Chunk(BatchSize))
        {
            var updateIds = batch.Where(r => r.Action == ImportAction.Update).Select(r => r.ContactId!.Value).ToArray();
            var tracked = await db.Contacts.Include(c => c.Addresses).Include(c => c.Phones).Include(c => c.Emails).AsSplitQuery()
                .Where(c => updateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            foreach (var row in batch.Where(r => r.Action != ImportAction.Reject))
            {
                var contact = row.Action == ImportAction.Update ? tracked[row.ContactId!.Value] : new Contact { Kind = row.Input!.Kind, CreatedAt = now };
                if (row.Action == ImportAction.Create)
                {
                    db.Contacts.Add(contact);
                }

                ContactInputMapping.Apply(row.Input!, contact);
                if (row.Input!.IsClient && contact.ClientNumber is null)
                {
                    contact.ClientNumber = (int)await numbers.NextAsync("client", ct);
                    contact.ClientSince ??= today;
                }

                contact.RecomputeNames();
                contact.UpdatedAt = now;
                contact.UpdatedBy = import.CreatedByName;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += batch.Length;
            await ReportAsync(import.TenantId, import.Id, ImportStatus.Running, done, ct);
        }
    }

    /// <summary>Writes status and progress through its own connection, visible to the page while the import's transaction is open.</summary>
    private async Task ReportAsync(Guid tenantId, Guid importId, ImportStatus status, int processed, CancellationToken ct, string? error = null)
    {
        await using var scope = scopes.CreateFirmScope(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = clock.GetUtcNow();
        await db.ContactImports.Where(i => i.Id == importId && i.Status != ImportStatus.Completed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, status)
                .SetProperty(i => i.ProcessedRows, processed)
                .SetProperty(i => i.Error, error)
                .SetProperty(i => i.StartedAt, i => status == ImportStatus.Running ? i.StartedAt ?? now : i.StartedAt)
                .SetProperty(i => i.CompletedAt, i => status == ImportStatus.Failed ? now : i.CompletedAt)
                .SetProperty(i => i.Content, i => status == ImportStatus.Failed ? null : i.Content), ct);
    }
}

/// <summary>The rejected rows of an import, stored as JSON and downloaded as CSV with the reason per row.</summary>
public static class RejectedRowsFile
{
    public sealed record Problem(ImportField Field, string Message, string[] Arguments);

    public sealed record Row(int Line, IReadOnlyList<string> Cells, IReadOnlyList<Problem> Problems);

    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static string Serialize(IEnumerable<PlannedRow> rejected) => JsonSerializer.Serialize(From(rejected), Json);

    public static IReadOnlyList<Row> Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Row>>(json, Json) ?? [];

    public static IEnumerable<Row> From(IEnumerable<PlannedRow> rejected) =>
        rejected.Select(r => new Row(r.Line, r.Cells, r.Problems.Select(p => new Problem(p.Field, p.Message, ContactImportPlanner.ArgumentsAsText(p))).ToList()));

    /// <summary>
    /// The rejected rows in the file's own columns, plus the line number and the reason, so they can be corrected and
    /// imported again. UTF-8 with BOM, `;`-separated, cells escaped against formula injection.
    /// </summary>
    public static byte[] ToCsv(IReadOnlyList<string> headers, IEnumerable<Row> rows, string lineHeader, string reasonHeader, Func<Row, string> reason)
    {
        var csv = new StringBuilder();
        csv.Append(Shared.Csv.Line(headers.Append(lineHeader).Append(reasonHeader))).Append("\r\n");
        foreach (var row in rows)
        {
            var cells = Enumerable.Range(0, headers.Count).Select(i => i < row.Cells.Count ? row.Cells[i] : string.Empty);
            csv.Append(Shared.Csv.Line(cells.Append(row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(reason(row)))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
