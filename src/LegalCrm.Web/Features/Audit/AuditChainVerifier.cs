using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LegalCrm.Web.Features.Audit;

/// <summary>An audit row as stored: the sealed fields, its changes now, and its seal.</summary>
public sealed record StoredAuditRow(AuditChainRecord Record, string? Changes, byte[] ChangesDigest, byte[] ChainHash, long[]? AnonymisedBy);

public enum ChainProblemKind
{
    /// <summary>The row's fields (or its seal) differ from what was sealed.</summary>
    RowAltered,

    /// <summary>Links before this row are gone: rows were deleted.</summary>
    RowsMissing,

    /// <summary>The row's changes differ from what was sealed, and no anonymisation run accounts for it.</summary>
    ChangesAltered,

    /// <summary>An anonymisation run's own record does not match the rows marked as changed by it.</summary>
    AnonymisationMismatch,
}

public sealed record ChainProblem(ChainProblemKind Kind, long Seq, long Id, DateTimeOffset OccurredAt, string Action, string EntityType, long? MissingFrom = null);

public sealed record AuditChainReport(long Checked, long Anonymised, long Unsealed, long HeadSeq, byte[] HeadHash, long ProblemCount, IReadOnlyList<ChainProblem> Problems)
{
    public bool Intact => ProblemCount == 0;

    public ChainProblem? FirstBroken => Problems.Count > 0 ? Problems[0] : null;
}

/// <summary>
/// Walks a firm's audit chain in order (decision 0020): each link must continue the one before without a gap, its
/// hash must follow from the previous hash and its fields, and its changes must hash to what was sealed — unless an
/// anonymisation run changed them, which is accepted only when that run's own sealed row names exactly the rows it
/// changed (a digest of their ids). A break is reported and the walk goes on from the stored hash, so each altered row
/// is reported once and the walk never stops half-way.
/// </summary>
public sealed class AuditChainVerifier : IDisposable
{
    public const int ProblemsKept = 20;

    private readonly IncrementalHash _hmac;
    private readonly byte[] _key;
    private readonly byte[] _expected = new byte[AuditChainHash.Size];
    private readonly List<ChainProblem> _problems = [];
    private readonly Dictionary<long, List<long>> _rowsByRun = [];
    private readonly Dictionary<long, (StoredAuditRow Row, string? Digest)> _runs = [];
    private byte[] _previous = AuditChainHash.Genesis;
    private long _nextSeq = 1;
    private long _checked;
    private long _anonymised;
    private long _problemCount;

    public AuditChainVerifier(byte[] key)
    {
        _key = key;
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
    }

    public long Checked => _checked;

    public void Check(StoredAuditRow row)
    {
        var record = row.Record;
        _checked++;
        if (record.Seq != _nextSeq)
        {
            Report(new ChainProblem(ChainProblemKind.RowsMissing, record.Seq, record.Id, record.OccurredAt, record.Action, record.EntityType, MissingFrom: _nextSeq));
        }
        else
        {
            AuditChainHash.TryCompute(_hmac, _previous, record, row.ChangesDigest, _expected);
            if (!CryptographicOperations.FixedTimeEquals(_expected, row.ChainHash))
            {
                Report(Problem(ChainProblemKind.RowAltered, row));
            }
        }

        var anonymised = row.AnonymisedBy is { Length: > 0 };
        if (anonymised)
        {
            _anonymised++;
            foreach (var run in row.AnonymisedBy!)
            {
                if (!_rowsByRun.TryGetValue(run, out var rows))
                {
                    _rowsByRun[run] = rows = [];
                }

                rows.Add(record.Id);
            }
        }
        else if (!AuditChainHash.ChangesDigest(_key, row.Changes).AsSpan().SequenceEqual(row.ChangesDigest))
        {
            Report(Problem(ChainProblemKind.ChangesAltered, row));
        }

        if (record.Action == AuditActions.AuditAnonymised)
        {
            _runs[record.Id] = (row, RecordedDigest(row.Changes));
        }

        _previous = row.ChainHash;
        _nextSeq = record.Seq + 1;
    }

    public AuditChainReport Finish(long unsealed)
    {
        foreach (var (runId, rows) in _rowsByRun)
        {
            if (!_runs.TryGetValue(runId, out var run) || run.Digest != RowsDigest(rows))
            {
                var at = _runs.TryGetValue(runId, out var found) ? found.Row : null;
                Report(at is null
                    ? new ChainProblem(ChainProblemKind.AnonymisationMismatch, 0, runId, DateTimeOffset.MinValue, AuditActions.AuditAnonymised, string.Empty)
                    : Problem(ChainProblemKind.AnonymisationMismatch, at));
            }
        }

        foreach (var (runId, run) in _runs.Where(r => r.Value.Digest is not null && !_rowsByRun.ContainsKey(r.Key)))
        {
            if (run.Digest != RowsDigest([]))
            {
                Report(Problem(ChainProblemKind.AnonymisationMismatch, run.Row));
            }
        }

        _problems.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return new AuditChainReport(_checked, _anonymised, unsealed, _nextSeq - 1, _previous, _problemCount, _problems);
    }

    /// <summary>Hex SHA-256 of the ids in ascending order joined by commas: what <c>legalcrm_anonymise_audit</c> records.</summary>
    public static string RowsDigest(IEnumerable<long> ids) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', ids.Order()))));

    public void Dispose() => _hmac.Dispose();

    private static ChainProblem Problem(ChainProblemKind kind, StoredAuditRow row) =>
        new(kind, row.Record.Seq, row.Record.Id, row.Record.OccurredAt, row.Record.Action, row.Record.EntityType);

    private static string? RecordedDigest(string? changes)
    {
        if (changes is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(changes);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("rowsDigest", out var digest) ? digest.GetString() : null;
    }

    private void Report(ChainProblem problem)
    {
        _problemCount++;
        if (_problems.Count < ProblemsKept)
        {
            _problems.Add(problem);
        }
    }
}
