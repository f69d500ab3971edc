using System.Globalization;
using LegalCrm.Web.Data;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Clients;

public enum ImportAction
{
    Create,
    Update,
    Reject,
}

/// <summary>What one row of the file will do: create a contact, update <see cref="ContactId"/>, or be rejected and why.</summary>
public sealed record PlannedRow(int Line, IReadOnlyList<string> Cells, ImportAction Action, Guid? ContactId, string? ContactName, ContactInput? Input, IReadOnlyList<ImportProblem> Problems);

public sealed record ImportPlan(IReadOnlyList<PlannedRow> Rows)
{
    public int Creates => Rows.Count(r => r.Action == ImportAction.Create);

    public int Updates => Rows.Count(r => r.Action == ImportAction.Update);

    public int Rejects => Rows.Count(r => r.Action == ImportAction.Reject);
}

/// <summary>
/// Decides per row what an import does, without writing anything: the dry run shows this plan, and the run carries out
/// the same plan, computed again inside its transaction. A row with the e-mail address or KvK number of an existing
/// contact updates that contact instead of creating a duplicate.
/// </summary>
public sealed class ContactImportPlanner(CrmDbContext db, Privacy.Suppressions suppressions, TimeProvider clock)
{
    private const int ChunkSize = 1000;

    public async Task<ImportPlan> PlanAsync(ContactImport import, ImportTable table, CancellationToken ct = default)
    {
        var today = AmsterdamTime.Today(clock);
        var read = table.Rows.Select(r => (Row: r, Result: ImportRows.Read(r.Cells, import.Mapping))).ToList();

        var emails = read.SelectMany(r => r.Result.Input.Emails).Select(e => e.Address!.Trim().ToLowerInvariant()).Distinct().ToArray();
        var kvks = read.Select(r => r.Result.Input.KvkNumber is { } k ? ContactDetailsRules.NormalizeKvk(k) : null).OfType<string>().Distinct().ToArray();
        var byEmail = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var chunk in emails.Chunk(ChunkSize))
        {
            foreach (var m in await db.Contacts.SelectMany(c => c.Emails).Where(e => chunk.Contains(e.NormalizedAddress)).Select(e => new { e.NormalizedAddress, e.ContactId }).ToListAsync(ct))
            {
                (byEmail.TryGetValue(m.NormalizedAddress, out var ids) ? ids : byEmail[m.NormalizedAddress] = []).Add(m.ContactId);
            }
        }

        var byKvk = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var chunk in kvks.Chunk(ChunkSize))
        {
            foreach (var m in await db.Contacts.Where(c => c.KvkNumber != null && chunk.Contains(c.KvkNumber)).Select(c => new { Kvk = c.KvkNumber!, c.Id }).ToListAsync(ct))
            {
                (byKvk.TryGetValue(m.Kvk, out var ids) ? ids : byKvk[m.Kvk] = []).Add(m.Id);
            }
        }

        var matchIds = byEmail.Values.Concat(byKvk.Values).SelectMany(ids => ids).Distinct().ToArray();
        var existing = new Dictionary<Guid, Contact>();
        foreach (var chunk in matchIds.Chunk(ChunkSize))
        {
            foreach (var c in await db.Contacts.AsNoTracking().Include(c => c.Addresses).Include(c => c.Phones).Include(c => c.Emails).AsSplitQuery()
                         .Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
            {
                existing[c.Id] = c;
            }
        }

        // People erased at their request are not brought back by an import (AVG art. 17).
        var suppressed = await suppressions.SuppressedAsync(
            read.SelectMany(r => r.Result.Input.Emails.Select(e => e.Address).Concat(r.Result.Input.Phones.Select(p => p.Number))), ct);

        // A key (e-mail, KvK, matched contact) claimed by an earlier row of the same file.
        var claimed = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = new List<PlannedRow>(read.Count);
        foreach (var (row, result) in read)
        {
            var keys = result.Input.Emails.Select(e => "e:" + e.Address!.Trim().ToLowerInvariant())
                .Concat(result.Input.KvkNumber is { } k && ContactDetailsRules.NormalizeKvk(k) is { } kvk ? ["k:" + kvk] : [])
                .ToList();
            var matches = keys.SelectMany(key => (key[0] == 'e' ? byEmail : byKvk).GetValueOrDefault(key[2..]) ?? []).Distinct().ToList();
            keys.AddRange(matches.Select(id => "c:" + id));

            if (result.Problems.Count > 0)
            {
                planned.Add(Rejected(row, result, result.Problems));
                continue;
            }

            if (keys.FirstOrDefault(claimed.ContainsKey) is { } seen)
            {
                planned.Add(Rejected(row, result, [new ImportProblem(ImportField.Ignore, "Line {0} of this file already has this e-mail address, KvK number or contact.", claimed[seen])]));
                continue;
            }

            if (matches.Count > 1)
            {
                var names = string.Join(", ", matches.Select(id => existing.TryGetValue(id, out var c) ? c.DisplayName : id.ToString()));
                planned.Add(Rejected(row, result, [new ImportProblem(ImportField.Ignore, "Matches more than one contact ({0}); merge them first or import this row by hand.", names)]));
                continue;
            }

            foreach (var key in keys)
            {
                claimed[key] = row.Line;
            }

            if (matches.Count == 1 && existing.TryGetValue(matches[0], out var contact))
            {
                if (contact.IsRestricted)
                {
                    planned.Add(Rejected(row, result, [new ImportProblem(ImportField.Ignore, "Matches {0}, whose processing is restricted (AVG art. 18); it cannot be changed.", contact.DisplayName)]));
                    continue;
                }

                var merged = ImportRows.Overlay(ContactInputMapping.ToInput(contact), result);
                var problems = ImportRows.Check(merged, today);
                planned.Add(problems.Count > 0
                    ? Rejected(row, result, problems)
                    : new PlannedRow(row.Line, row.Cells, ImportAction.Update, contact.Id, contact.DisplayName, merged, []));
                continue;
            }

            if (result.Input.Emails.Select(e => e.Address).Concat(result.Input.Phones.Select(p => p.Number)).FirstOrDefault(v => v is not null && suppressed.Contains(v)) is { } erased)
            {
                planned.Add(Rejected(row, result, [new ImportProblem(ImportField.Ignore, "{0} belongs to a person erased at their request (AVG art. 17); the row is not imported.", erased)]));
                continue;
            }

            var input = result.Input;
            input.LawfulBasis = import.LawfulBasis;
            input.DataSource = import.DataSource;
            var errors = ImportRows.Check(input, today);
            planned.Add(errors.Count > 0
                ? Rejected(row, result, errors)
                : new PlannedRow(row.Line, row.Cells, ImportAction.Create, null, NameOf(input), input, []));
        }

        return new ImportPlan(planned);
    }

    private static PlannedRow Rejected(ImportTable.Row row, ImportRows.Result result, IReadOnlyList<ImportProblem> problems) =>
        new(row.Line, row.Cells, ImportAction.Reject, null, NameOf(result.Input), null, problems);

    private static string NameOf(ContactInput input) => input.Kind == ContactKind.Person
        ? DutchName.Display(input.Initials, input.FirstName, input.NameParticle, input.LastName ?? string.Empty)
        : (input.OrganisationName ?? string.Empty).Trim();

    /// <summary>Problem arguments as text, for storing with the rejected rows.</summary>
    public static string[] ArgumentsAsText(ImportProblem problem) =>
        problem.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
}
