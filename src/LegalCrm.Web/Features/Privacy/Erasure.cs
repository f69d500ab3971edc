using System.Globalization;
using System.Security.Cryptography;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// Erasure of a person at their request (art. 17 AVG): first a preview of what every feature would delete,
/// pseudonymise or keep and why — a legal hold, an open dossier or one within its retention (legal claims,
/// art. 17(3)(e)), the Wwft duty to keep a client's identity (art. 33 Wwft, art. 17(3)(b)) — then, in one transaction,
/// the execution: each feature acts (contact last), the person's values are scrubbed from notifications, e-mails in
/// the outbox and the audit trail (through the one narrowly privileged database function), their addresses and numbers
/// go on the suppression list, and a deletion log entry records what happened without any personal data.
/// </summary>
public sealed class Erasure(CrmDbContext db, IEnumerable<IPersonalDataSource> sources, Suppressions suppressions, AuditEvents audit, CurrentUser me,
    TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public static readonly IReadOnlySet<RequestKind> Kinds = new HashSet<RequestKind> { RequestKind.Erasure };

    public sealed record Plan(string? Refusal, ErasureScope? Scope, IReadOnlyList<ErasureLine> Lines);

    public async Task<Plan> PlanAsync(DataSubjectRequest request, CancellationToken ct)
    {
        if (RequestExecution.Refusal(request, Kinds) is { } refusal)
        {
            return new Plan(l[refusal].Value, null, []);
        }

        var scope = await ScopeAsync(request.ContactId!.Value, request.PersonName, anonymiseOnly: false, ct);
        if (scope.Refusal is not null)
        {
            return new Plan(scope.Refusal, null, []);
        }

        var lines = new List<ErasureLine>();
        foreach (var source in sources.Reverse())
        {
            lines.AddRange(await source.EraseAsync(scope.Scope!, execute: false, ct));
        }

        return new Plan(null, scope.Scope, lines.Where(x => x.Count > 0).ToList());
    }

    /// <summary>Carries out the erasure in one transaction; returns the deletion log entry, or the refusal.</summary>
    public async Task<(ErasureLogEntry? Entry, string? Refusal)> ExecuteAsync(DataSubjectRequest request, CancellationToken ct)
    {
        if (RequestExecution.Refusal(request, Kinds) is { } refusal)
        {
            return (null, l[refusal].Value);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (scopeRefusal, scope, contact) = await ScopeAsync(request.ContactId!.Value, request.PersonName, anonymiseOnly: false, ct);
        if (scopeRefusal is not null)
        {
            return (null, scopeRefusal);
        }

        var (entry, rows) = await CarryOutAsync(scope!, contact!, atRequest: true, ct);
        entry.RequestId = request.Id;
        audit.Add(AuditActions.Erasure, nameof(DataSubjectRequest), request.Id.ToString(), new { erasureLogId = entry.Id, rows }, request.AuditSubject);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (entry, null);
    }

    /// <summary>
    /// The end of a contact's retention period (a prospect, or a former client once the Wwft period ended): the same
    /// erasure, in its own transaction, without a request and without the suppression list — the person did not object
    /// and may come back. Null when there is nothing (left) to do: the contact is gone, under a hold, or must stay.
    /// </summary>
    public async Task<ErasureLogEntry?> DisposeExpiredAsync(Guid contactId, RetentionCategory category, RetentionAction action, string? reason, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (refusal, scope, contact) = await ScopeAsync(contactId, null, anonymiseOnly: action == RetentionAction.Anonymise, ct);
        if (refusal is not null || scope!.ContactFate == ErasureAction.Keep || contact!.AnonymisedAt is not null)
        {
            return null;
        }

        var (entry, rows) = await CarryOutAsync(scope, contact, atRequest: false, ct);
        entry.Category = category;
        entry.SubjectId = contactId;
        entry.Reason = reason;
        audit.Add(AuditActions.Retention, nameof(Contact), contactId.ToString(), new { erasureLogId = entry.Id, category = category.ToString(), rows }, new AuditSubject(nameof(Contact), contactId));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return entry;
    }

    /// <summary>
    /// Every feature acts (contact last), traces are scrubbed, the deletion log entry is added; the caller saves and
    /// commits. At the person's request the numbers go on the suppression list and their name, e-mail and phone are
    /// also sought in every staff message, e-mail and audit row (reading those tables whole); at the end of a retention
    /// period the rows about the person are anonymised (found by index) and the rest is left to its own retention.
    /// </summary>
    private async Task<(ErasureLogEntry Entry, int Rows)> CarryOutAsync(ErasureScope scope, Contact contact, bool atRequest, CancellationToken ct)
    {
        // Read before the features act: the contact's numbers and addresses are gone afterwards.
        string[] suppressed = [.. contact.Emails.Select(e => e.Address), .. contact.Phones.Select(p => p.Number)];
        var lines = new List<ErasureLine>();
        foreach (var source in sources.Reverse())
        {
            lines.AddRange(await source.EraseAsync(scope, execute: true, ct));
        }

        if (atRequest)
        {
            await suppressions.AddAsync(suppressed, ct);
        }

        await db.SaveChangesAsync(ct);
        // Where the identity must stay (Wwft), so may its traces; otherwise they are scrubbed to the pseudonym.
        if (scope.ContactFate != ErasureAction.Keep)
        {
            if (atRequest)
            {
                var transport = await ScrubTransportAsync(scope, ct);
                lines.Add(new("Messages and e-mails to staff mentioning the person", transport, ErasureAction.Pseudonymise));
            }

            var anonymised = await AuditAnonymiser.AnonymiseAsync(db, nameof(Contact), [scope.ContactId], scope.Pseudonym, atRequest ? [.. scope.Mentions] : null, ct);
            lines.Add(new("Audit trail entries", anonymised, ErasureAction.Pseudonymise));
        }

        var entry = new ErasureLogEntry
        {
            Pseudonym = scope.ContactFate == ErasureAction.Pseudonymise ? scope.Pseudonym : null,
            ExecutedAt = clock.GetUtcNow(),
            ExecutedBy = me.DisplayName ?? me.ActorName,
        };
        entry.RecordLines(lines.Select(x => x with { Reason = scope.Scrub(x.Reason) }));
        db.ErasureLog.Add(entry);
        return (entry, lines.Sum(x => x.Action == ErasureAction.Keep ? 0 : x.Count));
    }

    /// <summary>Notifications and outgoing e-mails to staff may name the person (a reminder about their request): scrubbed.</summary>
    private async Task<int> ScrubTransportAsync(ErasureScope scope, CancellationToken ct)
    {
        var count = 0;
        foreach (var mention in scope.Mentions)
        {
            var pattern = System.Text.RegularExpressions.Regex.Escape(mention);
            count += await db.Database.ExecuteSqlAsync(
                $"UPDATE notifications SET text = regexp_replace(text, {pattern}, {scope.Pseudonym}, 'gi') WHERE text ~* {pattern}", ct);
            count += await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE outbox_messages SET subject = regexp_replace(subject, {pattern}, {scope.Pseudonym}, 'gi'),
                    text_body = regexp_replace(text_body, {pattern}, {scope.Pseudonym}, 'gi'), html_body = regexp_replace(html_body, {pattern}, {scope.Pseudonym}, 'gi'),
                    to_name = regexp_replace(to_name, {pattern}, {scope.Pseudonym}, 'gi')
                WHERE subject ~* {pattern} OR text_body ~* {pattern} OR html_body ~* {pattern} OR to_name ~* {pattern}
                """, ct);
        }

        return count;
    }

    /// <summary>What erasing the contact amounts to; with <paramref name="anonymiseOnly"/> (a retention policy saying "anonymise") the contact stays as a pseudonym even where it could go.</summary>
    private async Task<(string? Refusal, ErasureScope? Scope, Contact? Contact)> ScopeAsync(Guid contactId, string? personName, bool anonymiseOnly, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Addresses).Include(c => c.Phones).Include(c => c.Emails).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return (l["The contact no longer exists; see the deletion log of this request."].Value, null, null);
        }

        var today = AmsterdamTime.Today(clock);
        var holds = await db.LegalHolds.AsNoTracking()
            .Where(h => h.ContactId == contact.Id || db.Set<DossierParty>().Any(p => p.ContactId == contact.Id && p.DossierId == h.DossierId))
            .ToListAsync(ct);
        if (holds.FirstOrDefault(h => h.ContactId == contact.Id && h.IsActive(today)) is { } hold)
        {
            return (l["{0} is under a legal hold ({1}; until {2}): nothing of them may be erased while it lasts (art. 17(3)(e) AVG).",
                contact.DisplayName, hold.Reason, hold.Until?.ToString("d MMMM yyyy", CultureInfo.CurrentCulture) ?? l["released"].Value].Value, null, null);
        }

        var roles = await db.Set<DossierParty>().AsNoTracking().Where(p => p.ContactId == contact.Id)
            .Join(db.Dossiers, p => p.DossierId, d => d.Id, (p, d) => new { d.Id, d.Status, d.ClosedOn, d.PracticeArea, p.Role })
            .ToListAsync(ct);
        var policies = await db.RetentionPolicies.AsNoTracking().ToListAsync(ct);
        // Without a policy (the officer deleted it) the firm's obligations still hold: five years for both.
        int Months(RetentionCategory category, string? area) => RetentionRules.For(policies, category, area)?.PeriodMonths ?? 60;
        var kept = new Dictionary<Guid, string>();
        foreach (var role in roles)
        {
            if (holds.FirstOrDefault(h => h.DossierId == role.Id && h.IsActive(today)) is { } dossierHold)
            {
                kept[role.Id] = l["Legal hold on the dossier: {0}", dossierHold.Reason].Value;
            }
            else if (role.Status is not (DossierStatus.Closed or DossierStatus.Archived) || role.ClosedOn is null)
            {
                kept[role.Id] = l["Open dossier: kept for the legal claim (art. 17(3)(e) AVG)."].Value;
            }
            else if (!RetentionRules.Expired(role.ClosedOn.Value, Months(RetentionCategory.ClosedDossiers, role.PracticeArea), today))
            {
                kept[role.Id] = l["Closed dossier: kept until {0} (retention of closed dossiers).",
                    RetentionRules.KeptUntil(role.ClosedOn.Value, Months(RetentionCategory.ClosedDossiers, role.PracticeArea)).ToString("d MMMM yyyy", CultureInfo.CurrentCulture)].Value;
            }
        }

        // Wwft art. 33: a client's identification is kept five years after the business relationship ended.
        string? wwft = null;
        var clientDossiers = roles.Where(r => r.Role == PartyRole.Client).ToList();
        if (clientDossiers.Count > 0)
        {
            var ended = clientDossiers.All(d => d.ClosedOn is not null && d.Status is DossierStatus.Closed or DossierStatus.Archived)
                ? clientDossiers.Max(d => d.ClosedOn!.Value)
                : (DateOnly?)null;
            var wwftMonths = Months(RetentionCategory.WwftRecords, null);
            if (ended is null || !RetentionRules.Expired(ended.Value, wwftMonths, today))
            {
                wwft = ended is null
                    ? l["A client in an ongoing relationship: the identity is kept under the Wwft (art. 33) and for the open dossiers."].Value
                    : l["The client's identity is kept until {0} under the Wwft (art. 33: five years after the relationship ended).", RetentionRules.KeptUntil(ended.Value, wwftMonths).ToString("d MMMM yyyy", CultureInfo.CurrentCulture)].Value;
            }
        }

        var fate = wwft is not null ? ErasureAction.Keep
            : kept.Count > 0 || anonymiseOnly || holds.Any(h => h.ContactId == contact.Id) ? ErasureAction.Pseudonymise
            : ErasureAction.Delete;
        var pseudonym = "Persoon " + Convert.ToHexString(RandomNumberGenerator.GetBytes(2));
        var scope = new ErasureScope(contact.Id, pseudonym, fate, wwft, kept, Mentions(contact, personName));
        return (null, scope, contact);
    }

    /// <summary>What identifies the person wherever it appears: full name, e-mail addresses, phone numbers.</summary>
    private static List<string> Mentions(Contact c, string? personName) =>
        new[] { c.DisplayName, string.Join(' ', new[] { c.FirstName, c.NameParticle, c.LastName }.Where(p => !string.IsNullOrWhiteSpace(p))), personName }
        .Concat(c.Emails.SelectMany(e => new[] { e.Address, e.NormalizedAddress }))
        .Concat(c.Phones.Select(p => p.Number))
        .Where(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length >= 5)
        .Select(v => v!.Trim()).Distinct().OrderByDescending(v => v.Length).ToList();
}
