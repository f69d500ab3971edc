using LegalCrm.Web.Features.Privacy;

namespace LegalCrm.UnitTests.Privacy;

public sealed class DeletionLogTests
{
    [Fact]
    public void The_log_keeps_only_lines_that_did_something_and_reads_them_back()
    {
        var entry = new ErasureLogEntry();
        entry.RecordLines([new("Communications", 3, ErasureAction.Delete), new("Tasks", 0, ErasureAction.Delete), new("Roles in dossiers", 1, ErasureAction.Keep, "Open dossier")]);

        Assert.Equal([new ErasureLine("Communications", 3, ErasureAction.Delete), new ErasureLine("Roles in dossiers", 1, ErasureAction.Keep, "Open dossier")], entry.Lines());
        Assert.DoesNotContain("Tasks", entry.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_written_before_the_retention_sweep_still_read()
    {
        var entry = new ErasureLogEntry { Outcome = """[{"category":"Audit trail entries","count":7,"action":"Pseudonymise","reason":null}]""" };

        Assert.Equal([new ErasureLine("Audit trail entries", 7, ErasureAction.Pseudonymise)], entry.Lines());
    }
}
