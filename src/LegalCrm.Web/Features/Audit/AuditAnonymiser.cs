using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Audit;

/// <summary>
/// The one way to take personal data out of the append-only audit trail (erasure, art. 17 AVG; the end of a retention
/// period, art. 5(1)(e)): the narrowly privileged database function <c>legalcrm_anonymise_audit</c>, which only
/// touches the current firm's rows and records its own run in the trail.
/// </summary>
public static class AuditAnonymiser
{
    /// <summary>The app's own codes (enum members: "Mobile", "Client"…): not personal, they stay readable in the anonymised rows.</summary>
    private static readonly string[] Codes = typeof(AuditAnonymiser).Assembly.GetTypes().Where(t => t.IsEnum).SelectMany(Enum.GetNames).Distinct().ToArray();

    /// <summary>
    /// Blanks every text value (but ids, moments and codes) of the rows about <paramref name="subjects"/> to
    /// <paramref name="pseudonym"/>, and replaces <paramref name="mentions"/> (and the names and addresses those rows
    /// show) by it in all other rows; returns how many rows changed. Without mentions (null) only the rows about the
    /// subjects change: found by index, where looking for mentions reads the whole trail.
    /// </summary>
    public static async Task<int> AnonymiseAsync(CrmDbContext db, string subjectType, Guid[] subjects, string pseudonym, string[]? mentions, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>(
            $"SELECT legalcrm_anonymise_audit({subjectType}, {subjects}, {pseudonym}, {Codes}, CAST({mentions} AS text[])) AS \"Value\"").ToListAsync(ct)).Single();
}
