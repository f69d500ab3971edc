using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Tenancy;

/// <summary>
/// The few questions that must be answered before the firm is known: which firm an account belongs to
/// (sign-in, password reset, invitation links) and which firms exist (jobs that sweep every firm).
/// They go through SECURITY DEFINER functions (<see cref="DatabaseSecurity"/>) that return ids only,
/// so the app's database role never reads another firm's rows.
/// </summary>
public sealed class TenantDirectory(CrmDbContext db)
{
    public async Task<Guid?> FindTenantOfLoginAsync(string normalizedEmail, CancellationToken ct = default) =>
        await db.Database
            .SqlQuery<Guid?>($"SELECT legalcrm_tenant_of_login({normalizedEmail}) AS \"Value\"")
            .SingleAsync(ct);

    public async Task<Guid?> FindTenantOfUserAsync(Guid userId, CancellationToken ct = default) =>
        await db.Database
            .SqlQuery<Guid?>($"SELECT legalcrm_tenant_of_user({userId}) AS \"Value\"")
            .SingleAsync(ct);

    public async Task<IReadOnlyList<Guid>> ActiveFirmIdsAsync(CancellationToken ct = default) =>
        await db.Database
            .SqlQuery<Guid>($"SELECT legalcrm_firm_ids() AS \"Value\"")
            .ToListAsync(ct);

    /// <summary>The firms a job sweeps, asked in a scope of its own: a job then works in one scope per firm.</summary>
    public static async Task<IReadOnlyList<Guid>> ActiveFirmIdsAsync(IServiceScopeFactory scopes, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TenantDirectory>().ActiveFirmIdsAsync(ct);
    }
}
