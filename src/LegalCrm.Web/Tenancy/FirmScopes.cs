using LegalCrm.Web.Features.Access;

namespace LegalCrm.Web.Tenancy;

/// <summary>
/// The one way work outside a request (jobs, commands, the document store) starts for a firm: a service scope with the
/// firm entered — EF's filters and PostgreSQL's row-level security then apply as in a request — and, when named, a
/// system actor that the audit trail records for what it changes.
/// </summary>
public static class FirmScopes
{
    public static AsyncServiceScope CreateFirmScope(this IServiceScopeFactory scopes, Guid firmId, string? systemActor = null)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(firmId);
        if (systemActor is not null)
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(systemActor);
        }

        return scope;
    }

    public static AsyncServiceScope CreateFirmScope(this IServiceProvider services, Guid firmId, string? systemActor = null) =>
        services.GetRequiredService<IServiceScopeFactory>().CreateFirmScope(firmId, systemActor);
}
