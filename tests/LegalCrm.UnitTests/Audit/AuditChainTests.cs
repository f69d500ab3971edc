using System.Security.Cryptography;
using LegalCrm.Web.Features.Audit;

namespace LegalCrm.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly Guid Firm = Guid.Parse("0193a000-0000-7000-8000-000000000001");

    private static AuditChainRecord Row(long seq, string action = "update", string? changes = null) => new(
        seq, 1000 + seq, Firm, new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero).AddMicroseconds(seq), Guid.Empty, "anna@kantoor.nl",
        action, "Contact", seq.ToString(System.Globalization.CultureInfo.InvariantCulture), "Contact", Guid.Empty, "127.0.0.1");

    /// <summary>A chain sealed as the sealer does it.</summary>
    private static List<StoredAuditRow> Chain(params (AuditChainRecord Row, string? Changes)[] rows)
    {
        var previous = AuditChainHash.Genesis;
        var chain = new List<StoredAuditRow>();
        foreach (var (row, changes) in rows)
        {
            var digest = AuditChainHash.ChangesDigest(Key, changes);
            var hash = AuditChainHash.Compute(Key, previous, row, digest);
            chain.Add(new StoredAuditRow(row, changes, digest, hash, null));
            previous = hash;
        }

        return chain;
    }

    private static AuditChainReport Verify(IEnumerable<StoredAuditRow> rows, byte[]? key = null)
    {
        using var verifier = new AuditChainVerifier(key ?? Key);
        foreach (var row in rows)
        {
            verifier.Check(row);
        }

        return verifier.Finish(unsealed: 0);
    }

    private static List<StoredAuditRow> FiveRows() =>
        Chain([.. Enumerable.Range(1, 5).Select(i => (Row(i), (string?)$$$"""{"Name": {"old": "A{{{i}}}", "new": "B{{{i}}}"}}"""))]);

    [Fact]
    public void An_untouched_chain_is_intact_and_its_head_is_the_last_link()
    {
        var chain = FiveRows();

        var report = Verify(chain);

        Assert.True(report.Intact);
        Assert.Equal(5, report.Checked);
        Assert.Equal(5, report.HeadSeq);
        Assert.Equal(chain[^1].ChainHash, report.HeadHash);
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("action")]
    [InlineData("time")]
    [InlineData("entity")]
    [InlineData("null-versus-empty")]
    public void Any_changed_field_breaks_exactly_that_link(string field)
    {
        var chain = FiveRows();
        var row = chain[2].Record;
        var altered = field switch
        {
            "actor" => row with { ActorName = "mallory@kantoor.nl" },
            "action" => row with { Action = "view" },
            "time" => row with { OccurredAt = row.OccurredAt.AddMicroseconds(1) },
            "entity" => row with { EntityId = "999" },
            _ => row with { IpAddress = string.Empty },
        };
        chain[2] = chain[2] with { Record = altered };

        var report = Verify(chain);

        Assert.Equal(1, report.ProblemCount);
        Assert.Equal((ChainProblemKind.RowAltered, 3L), (report.FirstBroken!.Kind, report.FirstBroken.Seq));
    }

    [Fact]
    public void Changed_changes_are_found_through_their_digest()
    {
        var chain = FiveRows();
        chain[1] = chain[1] with { Changes = """{"Name": {"old": "A2", "new": "X"}}""" };

        var report = Verify(chain);

        Assert.Equal((ChainProblemKind.ChangesAltered, 2L), (report.FirstBroken!.Kind, report.FirstBroken.Seq));
    }

    [Fact]
    public void A_deleted_row_shows_as_missing_links_before_the_next_one()
    {
        var chain = FiveRows();
        chain.RemoveAt(1);

        var report = Verify(chain);

        Assert.Equal(1, report.ProblemCount);
        Assert.Equal((ChainProblemKind.RowsMissing, 3L, 2L), (report.FirstBroken!.Kind, report.FirstBroken.Seq, report.FirstBroken.MissingFrom));
    }

    [Fact]
    public void Swapping_two_rows_is_found()
    {
        var chain = FiveRows();
        (chain[1], chain[2]) = (chain[2] with { Record = chain[2].Record with { Seq = 2 } }, chain[1] with { Record = chain[1].Record with { Seq = 3 } });

        // Both moved rows, and the row after them whose link now follows the wrong hash.
        Assert.Equal([2L, 3L, 4L], Verify(chain).Problems.Select(p => p.Seq));
    }

    [Fact]
    public void A_chain_recomputed_without_the_key_does_not_verify()
    {
        var forged = FiveRows();
        forged[3] = forged[3] with { Record = forged[3].Record with { ActorName = "mallory@kantoor.nl" } };
        var otherKey = RandomNumberGenerator.GetBytes(32);
        var previous = forged[2].ChainHash;
        for (var i = 3; i < forged.Count; i++)
        {
            var hash = AuditChainHash.Compute(otherKey, previous, forged[i].Record, forged[i].ChangesDigest);
            forged[i] = forged[i] with { ChainHash = hash };
            previous = hash;
        }

        var report = Verify(forged);

        Assert.Equal(2, report.ProblemCount);
        Assert.Equal(4, report.FirstBroken!.Seq);
    }

    [Fact]
    public void Every_tampered_row_is_reported_once_and_the_walk_goes_on_to_the_end()
    {
        var chain = Chain([.. Enumerable.Range(1, 100).Select(i => (Row(i), (string?)null))]);
        foreach (var i in new[] { 9, 49, 89 })
        {
            chain[i] = chain[i] with { Record = chain[i].Record with { EntityType = "Dossier" } };
        }

        var report = Verify(chain);

        Assert.Equal(100, report.Checked);
        Assert.Equal([10L, 50L, 90L], report.Problems.Select(p => p.Seq));
    }

    [Fact]
    public void An_anonymisation_is_accepted_when_its_run_names_exactly_the_rows_it_changed()
    {
        var chain = FiveRows();
        var runId = 1000 + 6;
        var digest = AuditChainVerifier.RowsDigest([1002, 1004]);
        chain.AddRange(Chain([.. chain.Select(r => (r.Record, r.Changes)), (Row(6, AuditActions.AuditAnonymised), (string?)$$"""{"rowsDigest": "{{digest}}"}""")])[5..]);
        foreach (var i in new[] { 1, 3 })
        {
            chain[i] = chain[i] with { Changes = """{"Name": {"old": "Persoon 8F2A", "new": "Persoon 8F2A"}}""", AnonymisedBy = [runId] };
        }

        var report = Verify(chain);

        Assert.True(report.Intact, string.Join(", ", report.Problems));
        Assert.Equal(2, report.Anonymised);
    }

    [Fact]
    public void Marking_a_further_row_as_anonymised_to_hide_a_change_is_found_at_the_run()
    {
        var chain = FiveRows();
        var digest = AuditChainVerifier.RowsDigest([1002]);
        chain.AddRange(Chain([.. chain.Select(r => (r.Record, r.Changes)), (Row(6, AuditActions.AuditAnonymised), (string?)$$"""{"rowsDigest": "{{digest}}"}""")])[5..]);
        chain[1] = chain[1] with { Changes = "{}", AnonymisedBy = [1006] };
        chain[4] = chain[4] with { Changes = """{"Amount": {"old": 1, "new": 1000000}}""", AnonymisedBy = [1006] };

        var report = Verify(chain);

        Assert.Equal((ChainProblemKind.AnonymisationMismatch, 6L), (report.FirstBroken!.Kind, report.FirstBroken.Seq));
    }

    [Fact]
    public void A_row_claiming_a_run_that_does_not_exist_is_a_problem()
    {
        var chain = FiveRows();
        chain[0] = chain[0] with { Changes = "{}", AnonymisedBy = [424242] };

        Assert.Equal(ChainProblemKind.AnonymisationMismatch, Verify(chain).FirstBroken!.Kind);
    }

    [Fact]
    public void The_hash_is_fixed_for_given_input_so_sealed_data_stays_verifiable_across_versions()
    {
        var hash = AuditChainHash.Compute(Key, AuditChainHash.Genesis, Row(1), AuditChainHash.ChangesDigest(Key, """{"a": 1}"""));

        Assert.Equal("42d19e2e", Convert.ToHexStringLower(hash)[..8]);
    }

    [Fact]
    public void The_digest_of_changes_is_keyed_so_a_guess_of_erased_words_cannot_be_confirmed_without_the_key()
    {
        const string Changes = """{"DisplayName": {"old": null, "new": "J. Wisselink"}}""";

        Assert.NotEqual(
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Changes))),
            Convert.ToHexString(AuditChainHash.ChangesDigest(Key, Changes)));
        Assert.NotEqual(AuditChainHash.ChangesDigest(Key, Changes), AuditChainHash.ChangesDigest(RandomNumberGenerator.GetBytes(32), Changes));
        Assert.Equal(new byte[32], AuditChainHash.ChangesDigest(Key, null));
    }
}
