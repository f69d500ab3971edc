using System.Reflection;
using System.Text.Json;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LegalCrm.Web.Features.Audit;

/// <summary>
/// The one audit mechanism: before EF saves, it stamps new tenant rows with the scope's firm and adds an
/// <see cref="AuditEntry"/> per inserted, updated or deleted row, with the changed fields' old and new values.
/// The entries are saved by the same SaveChanges, so in the same transaction as the change.
/// </summary>
public sealed class AuditInterceptor(TenantContext tenant, CurrentUser actor, TimeProvider clock, IHttpContextAccessor http)
    : SaveChangesInterceptor
{
    // Identity keeps secrets and noise in these columns; their changes are recorded without values.
    private static readonly HashSet<string> RedactedIdentityProperties = new(StringComparer.Ordinal)
    {
        nameof(CrmUser.PasswordHash), nameof(CrmUser.SecurityStamp), nameof(CrmUser.ConcurrencyStamp),
        nameof(CrmUserToken.Value),
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IPropertyBase, (bool, bool)> PropertyTreatments = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> TypeAudited = new();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        foreach (var entry in entries)
        {
            if (entry.Entity is ITenantOwned owned)
            {
                StampTenant(entry, owned);
            }
        }

        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        foreach (var entry in entries)
        {
            if (entry.Entity is not ITenantScoped scoped || !IsAudited(entry.Metadata.ClrType))
            {
                continue;
            }

            var changes = DescribeChanges(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            context.Add(new AuditEntry
            {
                TenantId = scoped.TenantId,
                OccurredAt = now,
                UserId = actor.UserId,
                ActorName = actor.ActorName,
                Action = entry.State switch
                {
                    EntityState.Added => AuditActions.Insert,
                    EntityState.Deleted => AuditActions.Delete,
                    _ => AuditActions.Update,
                },
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = DescribeKey(entry),
                SubjectType = (entry.Entity as IAuditSubject)?.AuditSubject.Type,
                SubjectId = (entry.Entity as IAuditSubject)?.AuditSubject.Id,
                Changes = JsonSerializer.Serialize(changes, JsonOptions),
                IpAddress = ip,
            });
        }
    }

    private void StampTenant(EntityEntry entry, ITenantOwned owned)
    {
        if (entry.State != EntityState.Added)
        {
            return;
        }

        var scopeTenant = tenant.RequiredTenantId;
        if (owned.TenantId == Guid.Empty)
        {
            owned.TenantId = scopeTenant;
        }
        else if (owned.TenantId != scopeTenant)
        {
            throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} of another firm cannot be saved in this scope.");
        }
    }

    private static string DescribeKey(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return string.Empty;
        }

        var parts = key.Properties
            .Where(p => p.Name != nameof(ITenantOwned.TenantId) || key.Properties.Count == 1)
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture));
        return string.Join("/", parts);
    }

    private static Dictionary<string, FieldChange> DescribeChanges(EntityEntry entry)
    {
        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(property.OriginalValue, property.CurrentValue)))
            {
                continue;
            }

            var (skipped, redacted) = Treatment(property.Metadata);
            if (skipped)
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    if (property.CurrentValue is not null)
                    {
                        changes[property.Metadata.Name] = new FieldChange(null, redacted ? FieldChange.Hidden : property.CurrentValue);
                    }

                    break;
                case EntityState.Deleted:
                    changes[property.Metadata.Name] = new FieldChange(redacted ? FieldChange.Hidden : property.OriginalValue, null);
                    break;
                case EntityState.Modified:
                    changes[property.Metadata.Name] = redacted
                        ? new FieldChange(FieldChange.Hidden, FieldChange.Hidden)
                        : new FieldChange(property.OriginalValue, property.CurrentValue);
                    break;
            }
        }

        return changes;
    }

    /// <summary>Whether a property is left out or recorded without its values; read from attributes once per property (saves are a hot path).</summary>
    private static (bool Skipped, bool Redacted) Treatment(IPropertyBase property) =>
        PropertyTreatments.GetOrAdd(property, p => (
            p.Name == nameof(ITenantOwned.TenantId) || p.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is not null,
            RedactedIdentityProperties.Contains(p.Name) || p.PropertyInfo?.GetCustomAttribute<AuditRedactedAttribute>() is not null));

    private static bool IsAudited(Type type) => TypeAudited.GetOrAdd(type, t => t.GetCustomAttribute<NotAuditedAttribute>() is null);

    private sealed record FieldChange(object? Old, object? New)
    {
        public const string Hidden = "(hidden)";
    }
}
