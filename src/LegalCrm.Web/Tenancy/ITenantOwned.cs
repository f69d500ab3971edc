namespace LegalCrm.Web.Tenancy;

/// <summary>Anything that belongs to one firm, as the audit trail sees it.</summary>
public interface ITenantScoped
{
    Guid TenantId { get; }
}

/// <summary>
/// A row that belongs to one firm through its <c>tenant_id</c> column. The DbContext gives every such entity type the
/// tenant query filter, the audit interceptor stamps it on insert, and <see cref="Data.DatabaseSecurity"/> gives its
/// table a row-level security policy.
/// </summary>
public interface ITenantOwned : ITenantScoped
{
    new Guid TenantId { get; set; }

    Guid ITenantScoped.TenantId => TenantId;
}
