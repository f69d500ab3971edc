using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.UnitTests.Audit;

public sealed class AuditEntityTypesTests
{
    /// <summary>The audit trail's filter and the translations of its entity names come from this list: every audited entity must be on it.</summary>
    [Fact]
    public void Every_firm_owned_entity_is_a_known_entity_type_of_the_audit_trail()
    {
        var owned = typeof(AuditEntry).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITenantScoped).IsAssignableFrom(t) && t != typeof(AuditEntry)
                && t.GetCustomAttributes(typeof(NotAuditedAttribute), inherit: false).Length == 0)
            .Select(t => t.Name)
            .Order()
            .ToList();

        Assert.Empty(owned.Except(IndexModel.KnownEntityTypes));
    }
}
