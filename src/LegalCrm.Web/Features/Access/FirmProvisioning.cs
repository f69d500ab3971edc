using LegalCrm.Web.Data;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access;

public sealed record NewFirm(Guid FirmId, CrmUser Admin);

/// <summary>
/// Creates a firm with the built-in roles and its first admin. Runs in a scope of its own that enters the new
/// firm, so every row is written through row-level security like any other.
/// </summary>
public sealed class FirmProvisioning(
    CrmDbContext db,
    TenantContext tenant,
    CurrentUser actor,
    UserManager<CrmUser> users,
    TimeProvider clock)
{
    public async Task<NewFirm> CreateAsync(string firmName, string adminEmail, string adminName, string? adminPassword = null, CancellationToken ct = default)
    {
        var firm = new Firm { Name = firmName.Trim(), CreatedAt = clock.GetUtcNow() };
        tenant.Enter(firm.Id);
        actor.ActAsSystem("firm create");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Firms.Add(firm);
        var roles = BuiltInRoles.All.Select(r => new CrmRole
        {
            Name = r.Name,
            NormalizedName = r.Name.ToUpperInvariant(),
            BuiltInKey = r.Key,
            Description = r.Description,
            Permissions = r.Permissions.Select(p => new RoleGrant { Permission = p }).ToList(),
        }).ToList();
        db.Roles.AddRange(roles);
        db.DeadlineRules.AddRange(Deadlines.DeadlineRules.StartingRules());
        db.DesignatedHolidays.AddRange(Deadlines.DeadlineRules.DesignatedDaysInForce.Select(d => new Deadlines.DesignatedHoliday { Date = d, Description = Deadlines.DeadlineRules.DesignatedDaysDecree }));
        db.ProcessingActivities.AddRange(Privacy.StartingRegister.Activities(clock.GetUtcNow()));
        db.RetentionPolicies.AddRange(Privacy.RetentionRules.Starting(clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);

        var admin = await CreateUserAsync(adminEmail, adminName, BuiltInRoles.Admin, adminPassword);
        await transaction.CommitAsync(ct);
        return new NewFirm(firm.Id, admin);
    }

    /// <summary>Adds a user with one built-in role to the firm entered in this scope (seeding and provisioning).</summary>
    public async Task<CrmUser> CreateUserAsync(string email, string displayName, string builtInRole, string? password)
    {
        var user = new CrmUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = password is not null,
            DisplayName = displayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            InvitedAt = password is null ? clock.GetUtcNow() : null,
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        ThrowIfFailed(result, email);
        var role = await db.Roles.SingleAsync(r => r.BuiltInKey == builtInRole);
        ThrowIfFailed(await users.AddToRoleAsync(user, role.Name!), email);
        return user;
    }

    private static void ThrowIfFailed(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the user {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
