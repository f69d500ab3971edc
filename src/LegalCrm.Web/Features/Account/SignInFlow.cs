using System.Security.Claims;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Account;

/// <summary>
/// What the sign-in pages share: finding the account (and so the firm) before anyone is signed in, and recording
/// the outcome. The firm is entered only after the account is found, from the account itself.
/// </summary>
public sealed class SignInFlow(
    UserManager<CrmUser> users,
    TenantDirectory directory,
    TenantContext tenant,
    SecurityEvents events,
    CrmDbContext db,
    TimeProvider clock)
{
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<CrmUser>().HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>Finds the account for an e-mail address, entering its firm; null when no firm has it.</summary>
    public async Task<CrmUser?> FindByEmailAsync(string email)
    {
        var normalized = users.NormalizeEmail(email.Trim());
        if (normalized is null || await directory.FindTenantOfLoginAsync(normalized) is not { } tenantId)
        {
            // Spend the same time as checking a real password, so response times do not reveal which addresses exist.
            new PasswordHasher<CrmUser>().VerifyHashedPassword(null!, DummyHash.Value, email);
            return null;
        }

        return await EnterAndLoadAsync(tenantId, u => users.FindByEmailAsync(email.Trim()));
    }

    /// <summary>Finds the account named in a mailed link (by id), entering its firm.</summary>
    public async Task<CrmUser?> FindByIdAsync(Guid userId) =>
        await directory.FindTenantOfUserAsync(userId) is { } tenantId
            ? await EnterAndLoadAsync(tenantId, _ => users.FindByIdAsync(userId.ToString()))
            : null;

    /// <summary>Between password and code: the account is known from Identity's short-lived two-factor cookie.</summary>
    public async Task<CrmUser?> FindPendingTwoFactorUserAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return Guid.TryParse(result.Principal?.FindFirstValue(ClaimTypes.Name), out var userId) ? await FindByIdAsync(userId) : null;
    }

    public Task RecordAsync(CrmUser user, string action, object? details = null) => events.RecordAsync(user, action, details);

    public async Task SucceededAsync(CrmUser user, string method)
    {
        // A timestamp, not a change of client data: written without the audit interceptor; the event below is the record.
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, clock.GetUtcNow()));
        await RecordAsync(user, AuditActions.SignInSucceeded, new { method });
    }

    private async Task<CrmUser?> EnterAndLoadAsync(Guid tenantId, Func<Guid, Task<CrmUser?>> load)
    {
        tenant.Enter(tenantId);
        return await load(tenantId);
    }
}
