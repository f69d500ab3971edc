using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Audit;

/// <summary>One entry of a record's history, its fields ready to show.</summary>
public sealed record AuditHistoryRow(DateTimeOffset OccurredAt, string ActorName, string Action, string EntityType, IReadOnlyList<AuditChanges.Field> Fields);

/// <summary>
/// A record's history (a contact, a dossier) from the audit trail: newest first, views and bookkeeping-only updates left
/// out, ids of contacts, users and teams turned into their names (as far as the firm still has them) and enum values into their
/// label in the user's language. Two queries at most for a whole page of history.
/// </summary>
public sealed class AuditHistory(CrmDbContext db, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// The latest <paramref name="take"/> entries about <paramref name="subjectId"/>, without <paramref name="hiddenFields"/>;
    /// <paramref name="knownNames"/> are names the page has already read (its parties, team, people), so only others are
    /// looked up — at most one query more.
    /// </summary>
    public async Task<IReadOnlyList<AuditHistoryRow>> ForAsync(Guid subjectId, int take, IReadOnlySet<string> hiddenFields, IEnumerable<(Guid Id, string Name)>? knownNames = null, CancellationToken ct = default)
    {
        var entries = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.SubjectId == subjectId && a.Action != AuditActions.View)
                .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
                .Take(take)
                .Select(a => new { a.OccurredAt, a.ActorName, a.Action, a.EntityType, a.Changes })
                .ToListAsync(ct))
            .Select(a => (Entry: a, Fields: (IReadOnlyList<AuditChanges.Field>)AuditChanges.Parse(a.Changes).Where(f => !hiddenFields.Contains(f.Name)).ToList()))
            // An update that only touched bookkeeping says nothing to a reader.
            .Where(a => a.Entry.Action != AuditActions.Update || a.Fields.Count > 0)
            .ToList();
        var known = new Dictionary<Guid, string>();
        foreach (var (id, name) in knownNames ?? [])
        {
            known.TryAdd(id, name);
        }

        var fields = await ResolveAsync(entries.Select(e => e.Fields).ToList(), known, ct);
        return entries.Select((e, i) => new AuditHistoryRow(e.Entry.OccurredAt, e.Entry.ActorName, e.Entry.Action, e.Entry.EntityType, fields[i])).ToList();
    }

    private static readonly Dictionary<string, string[]> EnumPrefixes = new(StringComparer.Ordinal)
    {
        ["Role"] = ["role:"],
        ["Status"] = ["status:", "deadlinestatus:", "taskstatus:"],
        ["Priority"] = ["priority:"],
        ["To"] = ["status:"],
        ["From"] = ["status:"],
        ["FeeArrangement"] = ["fee:"],
        ["LawfulBasis"] = ["basis:"],
        ["Purpose"] = ["purpose:"],
        ["Channel"] = ["channel:"],
        ["Category"] = ["doccat:"],
        ["Decision"] = ["conflict:"],
        ["Kind"] = ["kind:", "deadline:"],
        ["Direction"] = ["direction:"],
        ["Delivery"] = ["delivery:"],
    };

    private static readonly HashSet<string> ContactFields = new(StringComparer.Ordinal) { "ContactId", "FromContactId", "ToContactId", "ClientContactId" };

    private static readonly HashSet<string> UserFields = new(StringComparer.Ordinal) { "UserId", "ResponsibleLawyerId", "ByUserId", "UploadedByUserId", "AssigneeUserId" };

    /// <summary>Fields holding a list of user ids (a deadline's responsible people), shown as their names.</summary>
    private static readonly HashSet<string> UserListFields = new(StringComparer.Ordinal) { "ResponsibleUserIds" };

    private static readonly HashSet<string> TeamFields = new(StringComparer.Ordinal) { "TeamId", "AssigneeTeamId" };

    private async Task<List<IReadOnlyList<AuditChanges.Field>>> ResolveAsync(IReadOnlyList<IReadOnlyList<AuditChanges.Field>> rows, Dictionary<Guid, string> known, CancellationToken ct = default)
    {
        var contactIds = Ids(rows, ContactFields).Where(id => !known.ContainsKey(id)).ToList();
        var userIds = Ids(rows, UserFields).Concat(ListedIds(rows, UserListFields)).Distinct().Where(id => !known.ContainsKey(id)).ToList();
        var teamIds = Ids(rows, TeamFields).Where(id => !known.ContainsKey(id)).ToList();
        // The other names in one round trip (ids are unique across the tables).
        var looked = contactIds.Count + userIds.Count + teamIds.Count == 0
            ? []
            : await db.Contacts.Where(c => contactIds.Contains(c.Id)).Select(c => new { c.Id, Name = c.DisplayName })
                .Concat(db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, Name = u.DisplayName }))
                .Concat(db.Teams.Where(t => teamIds.Contains(t.Id)).Select(t => new { t.Id, t.Name }))
                .ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var names = known.Concat(looked).ToDictionary(n => n.Key, n => n.Value);

        string? Readable(string field, string? value)
        {
            if (value is null)
            {
                return null;
            }

            if ((ContactFields.Contains(field) || UserFields.Contains(field) || TeamFields.Contains(field)) && Guid.TryParse(value, out var id))
            {
                return names.GetValueOrDefault(id, value);
            }

            if (UserListFields.Contains(field) && value.StartsWith('[') && System.Text.Json.JsonSerializer.Deserialize<List<Guid>>(value) is { } listed)
            {
                return string.Join(", ", listed.Select(user => names.GetValueOrDefault(user, user.ToString())));
            }

            var translated = EnumPrefixes.GetValueOrDefault(field, []).Select(prefix => l[prefix + value]).FirstOrDefault(label => !label.ResourceNotFound);
            return translated?.Value ?? value;
        }

        return rows.Select(fields => (IReadOnlyList<AuditChanges.Field>)fields.Select(f => f with { Old = Readable(f.Name, f.Old), New = Readable(f.Name, f.New) }).ToList()).ToList();
    }

    private static IEnumerable<Guid> ListedIds(IEnumerable<IReadOnlyList<AuditChanges.Field>> rows, HashSet<string> fields) =>
        rows.SelectMany(r => r).Where(f => fields.Contains(f.Name))
            .SelectMany(f => new[] { f.Old, f.New })
            .Where(v => v is not null && v.StartsWith('['))
            .SelectMany(v => System.Text.Json.JsonSerializer.Deserialize<List<Guid>>(v!) ?? []);

    private static List<Guid> Ids(IEnumerable<IReadOnlyList<AuditChanges.Field>> rows, HashSet<string> fields) =>
        rows.SelectMany(r => r).Where(f => fields.Contains(f.Name))
            .SelectMany(f => new[] { f.Old, f.New })
            .Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct()
            .ToList();
}
