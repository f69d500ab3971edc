namespace LegalCrm.Web.Tenancy;

/// <summary>
/// The firm the current request, job or command works for. Set once per scope, from the signed-in user's
/// cookie (see <see cref="Features.Access.SessionValidator"/>), from a job argument, or by the sign-in flow
/// after it has looked up the account; never from a URL or form value.
/// </summary>
public sealed class TenantContext
{
    public Guid? TenantId { get; private set; }

    public bool HasTenant => TenantId is not null;

    public Guid RequiredTenantId =>
        TenantId ?? throw new InvalidOperationException("No firm is set for this scope.");

    /// <summary>Enters a firm. A scope may enter one firm only: switching would mix two firms' data in one unit of work.</summary>
    public void Enter(Guid tenantId)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A firm id is required.", nameof(tenantId));
        }

        if (TenantId is { } current && current != tenantId)
        {
            throw new InvalidOperationException("This scope already works for another firm.");
        }

        TenantId = tenantId;
    }
}
