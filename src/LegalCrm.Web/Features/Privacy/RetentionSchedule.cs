using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Privacy;

public enum RetentionSubject
{
    Dossier,
    Contact,
}

/// <summary>
/// One record whose retention period ends: what it is (label for the officer's eyes only), from when the period counts,
/// the last day it is kept, what the policy says then, and — when it must stay anyway — why (a legal hold, a
/// restriction the person asked for).
/// </summary>
public sealed record RetentionItem(RetentionCategory Category, RetentionSubject Subject, Guid Id, string Label, DateOnly Start, DateOnly KeptUntil,
    RetentionAction Action, string? Blocked)
{
    public bool IsDue(DateOnly today) => KeptUntil < today;
}

/// <summary>
/// Which records' retention ends before a given day, per the firm's policies (<see cref="RetentionRules"/>):
/// <list type="bullet">
/// <item>closed dossiers, from the closing date, per practice area;</item>
/// <item>former clients (Wwft records, art. 33 Wwft), from the end of the relationship: the last closing date of their
/// dossiers as client (or as any party), the last contact when they never had one — never while a dossier they are a
/// party in is open;</item>
/// <item>prospects: contacts who are not clients, have no role in any dossier and are no contact person of one, from the
/// last communication with them (or their creation).</item>
/// </list>
/// The database narrows the candidates with a bound a few days wide; the rule itself decides. Contacts already
/// pseudonymised and dossiers already anonymised have nothing left to dispose of and are not listed.
/// </summary>
public sealed class RetentionSchedule(CrmDbContext db, TimeProvider clock)
{
    /// <summary>Month arithmetic clips at the month's end (31 March + 1 month = 30 April): the database bound allows for it.</summary>
    private const int ClipDays = 4;

    /// <summary>Everything whose last kept day is before <paramref name="horizon"/> (today: what is due now).</summary>
    public async Task<IReadOnlyList<RetentionItem>> EndingBeforeAsync(DateOnly horizon, CancellationToken ct)
    {
        var today = AmsterdamTime.Today(clock);
        var policies = await db.RetentionPolicies.AsNoTracking().ToListAsync(ct);
        var holds = await db.LegalHolds.AsNoTracking().InForce(today).Select(h => new { h.ContactId, h.DossierId, h.Reason }).ToListAsync(ct);
        var items = new List<RetentionItem>();
        items.AddRange(await DossiersAsync(policies, horizon, holds.Where(h => h.DossierId != null).ToDictionary(h => h.DossierId!.Value, h => h.Reason),
            holds.Where(h => h.ContactId != null).Select(h => h.ContactId!.Value).ToList(), ct));
        items.AddRange(await ContactsAsync(policies, horizon, holds.Where(h => h.ContactId != null).GroupBy(h => h.ContactId!.Value).ToDictionary(g => g.Key, g => g.First().Reason), ct));
        return items.OrderBy(i => i.KeptUntil).ThenBy(i => i.Category).ThenBy(i => i.Label, StringComparer.CurrentCulture).ToList();
    }

    private async Task<List<RetentionItem>> DossiersAsync(List<RetentionPolicy> policies, DateOnly horizon, Dictionary<Guid, string> dossierHolds,
        List<Guid> heldContacts, CancellationToken ct)
    {
        var closed = db.Dossiers.AsNoTracking().Where(d => d.ClosedOn != null && d.AnonymisedAt == null
            && (d.Status == DossierStatus.Closed || d.Status == DossierStatus.Archived));
        var areas = await closed.Select(d => d.PracticeArea).Distinct().ToListAsync(ct);
        var items = new List<RetentionItem>();
        foreach (var group in areas.GroupBy(a => RetentionRules.For(policies, RetentionCategory.ClosedDossiers, a)))
        {
            if (group.Key is not { } policy)
            {
                continue;
            }

            var bound = horizon.AddMonths(-policy.PeriodMonths).AddDays(ClipDays);
            var named = group.Where(a => a is not null).ToList();
            var withoutArea = group.Any(a => a is null);
            var rows = await closed
                .Where(d => d.ClosedOn < bound && ((withoutArea && d.PracticeArea == null) || named.Contains(d.PracticeArea)))
                .Select(d => new
                {
                    d.Id,
                    d.Number,
                    d.Title,
                    ClosedOn = d.ClosedOn!.Value,
                    // A hold on a party covers their records in this dossier too.
                    HeldParty = db.Set<DossierParty>().Where(p => p.DossierId == d.Id && heldContacts.Contains(p.ContactId)).Select(p => (Guid?)p.ContactId).FirstOrDefault(),
                })
                .ToListAsync(ct);
            foreach (var d in rows)
            {
                var until = RetentionRules.KeptUntil(d.ClosedOn, policy.PeriodMonths);
                if (until < horizon)
                {
                    var blocked = dossierHolds.TryGetValue(d.Id, out var reason) ? reason : d.HeldParty is not null ? HeldPartyReason : null;
                    items.Add(new(RetentionCategory.ClosedDossiers, RetentionSubject.Dossier, d.Id, $"{d.Number} {d.Title}", d.ClosedOn, until, policy.Action, blocked));
                }
            }
        }

        return items;
    }

    /// <summary>English resource key: the dossier stays because a party in it is under a legal hold.</summary>
    public const string HeldPartyReason = "A party in this dossier is under a legal hold.";

    /// <summary>English resource key: the person restricted the processing (art. 18 AVG), e.g. to keep it for a claim.</summary>
    public const string RestrictedReason = "Processing restricted at the person's request (art. 18 AVG).";

    private sealed record ContactRow(Guid Id, string Label, bool IsClient, bool HasRoles, DateOnly? ClientEnd, DateOnly? AnyEnd, DateTimeOffset LastContact, bool Restricted, bool ContactPerson);

    private async Task<List<RetentionItem>> ContactsAsync(List<RetentionPolicy> policies, DateOnly horizon, Dictionary<Guid, string> holds, CancellationToken ct)
    {
        var wwft = RetentionRules.For(policies, RetentionCategory.WwftRecords, null);
        var prospects = RetentionRules.For(policies, RetentionCategory.Prospects, null);
        DateOnly Bound(RetentionPolicy? policy) => policy is null ? DateOnly.MinValue : horizon.AddMonths(-policy.PeriodMonths).AddDays(ClipDays + 1);
        if (wwft is null && prospects is null)
        {
            return [];
        }

        // Row-level security keeps this to the current firm, as for every query; the columns are named as EF names the
        // record's properties. Two kinds: clients whose dossiers are all closed (a contact with a role in a dossier that
        // is not closed is still in a relationship with the firm) — looked at only when one of their dossiers closed
        // before the bound, found by the closing-date index — and contacts without any dossier role, for whom the last
        // communication is looked up only when they are older than the bound. The lateral parts refer to those sets, so
        // the planner cannot work them out for every contact of the firm first.
        var clientBound = Bound(wwft);
        // Without a dossier a contact may be a prospect or a client who never had one: the later of the two bounds.
        var contactBound = AmsterdamTime.StartOfDayUtc(new[] { clientBound, Bound(prospects) }.Max());
        var rows = await db.Database.SqlQuery<ContactRow>($"""
            WITH candidates AS MATERIALIZED (
                SELECT DISTINCT p.contact_id FROM dossier_parties p JOIN dossiers d ON d.id = p.dossier_id WHERE d.closed_on < {clientBound}),
            without_roles AS MATERIALIZED (
                SELECT c.id, c.created_at FROM contacts c WHERE c.anonymised_at IS NULL AND c.created_at < {contactBound}
                   AND NOT EXISTS (SELECT 1 FROM dossier_parties p WHERE p.contact_id = c.id))
            SELECT c.id AS id, c.display_name AS label, true AS is_client, true AS has_roles, r.client_end AS client_end, r.any_end AS any_end,
                   c.created_at AS last_contact, c.restricted_at IS NOT NULL AS restricted, false AS contact_person
              FROM candidates k
              CROSS JOIN LATERAL (SELECT bool_or(p.role = 'Client') AS is_client,
                                         bool_or(d.closed_on IS NULL OR d.status NOT IN ('Closed', 'Archived')) AS open,
                                         max(d.closed_on) FILTER (WHERE p.role = 'Client') AS client_end, max(d.closed_on) AS any_end
                                    FROM dossier_parties p JOIN dossiers d ON d.id = p.dossier_id WHERE p.contact_id = k.contact_id) r
              JOIN contacts c ON c.id = k.contact_id
             WHERE c.anonymised_at IS NULL AND NOT r.open AND (c.client_number IS NOT NULL OR r.is_client)
               AND coalesce(r.client_end, r.any_end) < {clientBound}
            UNION ALL
            SELECT c.id, c.display_name, c.client_number IS NOT NULL, false, NULL, NULL, lc.last, c.restricted_at IS NOT NULL,
                   EXISTS (SELECT 1 FROM contact_relationships cr
                            JOIN contacts o ON o.id = CASE WHEN cr.from_contact_id = c.id THEN cr.to_contact_id ELSE cr.from_contact_id END
                           WHERE (cr.from_contact_id = c.id OR cr.to_contact_id = c.id)
                             AND (o.client_number IS NOT NULL OR EXISTS (SELECT 1 FROM dossier_parties op WHERE op.contact_id = o.id)))
              FROM without_roles w
              CROSS JOIN LATERAL (SELECT greatest(w.created_at, (SELECT max(x.occurred_at) FROM communications x WHERE x.contact_id = w.id),
                                  (SELECT max(p.occurred_at) FROM communication_participants p WHERE p.contact_id = w.id)) AS last) lc
              JOIN contacts c ON c.id = w.id
             WHERE lc.last < {contactBound}
            """).ToListAsync(ct);
        var items = new List<RetentionItem>();
        foreach (var c in rows)
        {
            var lastContact = AmsterdamTime.DateOf(c.LastContact);
            var (category, policy, start) = c.IsClient
                ? (RetentionCategory.WwftRecords, wwft, c.ClientEnd ?? c.AnyEnd ?? lastContact)
                : !c.HasRoles && !c.ContactPerson ? (RetentionCategory.Prospects, prospects, lastContact)
                : (RetentionCategory.Prospects, null, lastContact);
            if (policy is null)
            {
                continue;
            }

            var until = RetentionRules.KeptUntil(start, policy.PeriodMonths);
            if (until < horizon)
            {
                var blocked = holds.TryGetValue(c.Id, out var reason) ? reason : c.Restricted ? RestrictedReason : null;
                items.Add(new(category, RetentionSubject.Contact, c.Id, c.Label, start, until, policy.Action, blocked));
            }
        }

        return items;
    }
}
