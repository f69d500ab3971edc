using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
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

    /// <summary>The app's own codes (enum members: "Mobile", "Client"…): not personal, they stay readable in the anonymised audit rows.</summary>
    private static readonly string[] Codes = typeof(Erasure).Assembly.GetTypes().Where(t => t.IsEnum).SelectMany(Enum.GetNames).Distinct().ToArray();

    public sealed record Plan(string? Refusal, ErasureScope? Scope, IReadOnlyList<ErasureLine> Lines);

    public async Task<Plan> PlanAsync(DataSubjectRequest request, CancellationToken ct)
    {
        if (RequestExecution.Refusal(request, Kinds) is { } refusal)
        {
            return new Plan(l[refusal].Value, null, []);
        }

        var scope = await ScopeAsync(request, ct);
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
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (refusal, scope, contact) = await ScopeAsync(request, ct);
        refusal ??= RequestExecution.Refusal(request, Kinds) is { } r ? l[r].Value : null;
        if (refusal is not null)
        {
            return (null, refusal);
        }

        // Read before the features act: the contact's numbers and addresses are gone afterwards.
        string[] suppressed = [.. contact!.Emails.Select(e => e.Address), .. contact.Phones.Select(p => p.Number)];
        var lines = new List<ErasureLine>();
        foreach (var source in sources.Reverse())
        {
            lines.AddRange(await source.EraseAsync(scope!, execute: true, ct));
        }

        await suppressions.AddAsync(suppressed, ct);
        await db.SaveChangesAsync(ct);
        // Where the identity must stay (Wwft), so may its traces; otherwise they are scrubbed to the pseudonym.
        if (scope!.ContactFate != ErasureAction.Keep)
        {
            var transport = await ScrubTransportAsync(scope, ct);
            lines.Add(new("Messages and e-mails to staff mentioning the person", transport, ErasureAction.Pseudonymise));
            var anonymised = (await db.Database.SqlQuery<int>(
                $"SELECT legalcrm_anonymise_audit({scope.ContactId}, {scope.Pseudonym}, {Codes}, {scope.Mentions.ToArray()}) AS \"Value\"").ToListAsync(ct)).Single();
            lines.Add(new("Audit trail entries", anonymised, ErasureAction.Pseudonymise));
        }

        var entry = new ErasureLogEntry
        {
            RequestId = request.Id,
            Pseudonym = scope.ContactFate == ErasureAction.Pseudonymise ? scope.Pseudonym : null,
            Outcome = JsonSerializer.Serialize(lines.Where(x => x.Count > 0).Select(x => new { category = x.Category, count = x.Count, action = x.Action.ToString(), reason = scope.Scrub(x.Reason) })),
            ExecutedAt = clock.GetUtcNow(),
            ExecutedBy = me.DisplayName ?? me.ActorName,
        };
        db.ErasureLog.Add(entry);
        audit.Add(AuditActions.Erasure, nameof(DataSubjectRequest), request.Id.ToString(), new { erasureLogId = entry.Id, rows = lines.Sum(x => x.Action == ErasureAction.Keep ? 0 : x.Count) }, request.AuditSubject);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (entry, null);
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

    private async Task<(string? Refusal, ErasureScope? Scope, Contact? Contact)> ScopeAsync(DataSubjectRequest request, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Addresses).Include(c => c.Phones).Include(c => c.Emails).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == request.ContactId, ct);
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
            : kept.Count > 0 || holds.Any(h => h.ContactId == contact.Id) ? ErasureAction.Pseudonymise
            : ErasureAction.Delete;
        var pseudonym = "Persoon " + Convert.ToHexString(RandomNumberGenerator.GetBytes(2));
        var scope = new ErasureScope(contact.Id, pseudonym, fate, wwft, kept, Mentions(contact, request));
        return (null, scope, contact);
    }

    /// <summary>What identifies the person wherever it appears: full name, e-mail addresses, phone numbers.</summary>
    private static List<string> Mentions(Contact c, DataSubjectRequest request) =>
        new[] { c.DisplayName, string.Join(' ', new[] { c.FirstName, c.NameParticle, c.LastName }.Where(p => !string.IsNullOrWhiteSpace(p))), request.PersonName }
        .Concat(c.Emails.SelectMany(e => new[] { e.Address, e.NormalizedAddress }))
        .Concat(c.Phones.Select(p => p.Number))
        .Where(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length >= 5)
        .Select(v => v.Trim()).Distinct().OrderByDescending(v => v.Length).ToList();
}
