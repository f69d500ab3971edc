using LegalCrm.Web.Data;
using LegalCrm.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access;

public enum UserChangeOutcome
{
    Done,
    EmailInUse,
    WouldLeaveNoAdministrator,
    CannotDisableYourself,
    Failed,
}

/// <summary>
/// The admin's use cases on users: invite, change roles, disable, enable, resend an invitation. Each runs in one
/// transaction; the audit trail records the changes through the interceptor.
/// </summary>
public sealed class UserAdministration(
    CrmDbContext db,
    UserManager<CrmUser> users,
    CurrentUser me,
    AccountEmails emails,
    EmailOutbox outbox,
    Tenancy.TenantDirectory directory,
    SignInSessions sessions,
    TimeProvider clock)
{
    public async Task<(UserChangeOutcome Outcome, CrmUser? User, IEnumerable<IdentityError> Errors)> InviteAsync(
        string email, string displayName, string culture, IReadOnlyCollection<Guid> roleIds)
    {
        email = email.Trim();
        if (await directory.FindTenantOfLoginAsync(users.NormalizeEmail(email)) is not null)
        {
            return (UserChangeOutcome.EmailInUse, null, []);
        }

        var user = new CrmUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName.Trim(),
            PreferredCulture = culture,
            CreatedAt = clock.GetUtcNow(),
            InvitedAt = clock.GetUtcNow(),
        };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return (UserChangeOutcome.Failed, null, created.Errors);
        }

        await SetRolesAsync(user, roleIds);
        await emails.QueueInvitationAsync(user, await FirmNameAsync(), me.DisplayName ?? me.ActorName);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        outbox.DispatchSaved();
        return (UserChangeOutcome.Done, user, []);
    }

    public async Task<UserChangeOutcome> ResendInvitationAsync(CrmUser user)
    {
        if (user.HasPassword)
        {
            return UserChangeOutcome.Failed;
        }

        user.InvitedAt = clock.GetUtcNow();
        // A new stamp voids the earlier invitation link.
        await users.UpdateSecurityStampAsync(user);
        await emails.QueueInvitationAsync(user, await FirmNameAsync(), me.DisplayName ?? me.ActorName);
        await db.SaveChangesAsync();
        outbox.DispatchSaved();
        return UserChangeOutcome.Done;
    }

    public async Task<UserChangeOutcome> ChangeRolesAsync(CrmUser user, IReadOnlyCollection<Guid> roleIds)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await FirmLocks.TakeAsync(db, FirmAccess.LockPurpose);
        if (!(await FirmAccess.LoadAsync(db)).WithUserRoles(user.Id, roleIds).HasAdministrator)
        {
            return UserChangeOutcome.WouldLeaveNoAdministrator;
        }

        await SetRolesAsync(user, roleIds);
        await transaction.CommitAsync();
        return UserChangeOutcome.Done;
    }

    public async Task<UserChangeOutcome> DisableAsync(CrmUser user)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outcome = await SwitchOffAsync(user, SessionEnd.EndedByAdministrator);
        if (outcome == UserChangeOutcome.Done)
        {
            await transaction.CommitAsync();
        }

        return outcome;
    }

    /// <summary>
    /// The one way an account is switched off, inside the caller's transaction (disabling, offboarding): never one's own,
    /// never the last administrator (checked under the firm's access lock); a new security stamp and the ended sessions
    /// both throw the user out at their next request.
    /// </summary>
    public async Task<UserChangeOutcome> SwitchOffAsync(CrmUser user, SessionEnd reason, CancellationToken ct = default)
    {
        if (user.Id == me.UserId)
        {
            return UserChangeOutcome.CannotDisableYourself;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Switching an account off takes the caller's transaction (the access lock lasts as long as it).");
        }

        await FirmLocks.TakeAsync(db, FirmAccess.LockPurpose, ct);
        if (!(await FirmAccess.LoadAsync(db, ct)).WithUserDisabled(user.Id).HasAdministrator)
        {
            return UserChangeOutcome.WouldLeaveNoAdministrator;
        }

        user.DisabledAt ??= clock.GetUtcNow();
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAsync(user.Id, reason);
        return UserChangeOutcome.Done;
    }

    public async Task<UserChangeOutcome> EnableAsync(CrmUser user)
    {
        user.DisabledAt = null;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? UserChangeOutcome.Done : UserChangeOutcome.Failed;
    }

    private async Task SetRolesAsync(CrmUser user, IReadOnlyCollection<Guid> roleIds)
    {
        var current = await db.UserRoles.Where(ur => ur.UserId == user.Id).ToListAsync();
        db.UserRoles.RemoveRange(current.Where(ur => !roleIds.Contains(ur.RoleId)));
        var known = await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Id).ToListAsync();
        foreach (var roleId in known.Where(id => current.All(ur => ur.RoleId != id)))
        {
            db.UserRoles.Add(new CrmUserRole { UserId = user.Id, RoleId = roleId });
        }

        await db.SaveChangesAsync();
    }

    private Task<string> FirmNameAsync() => db.Firms.Select(f => f.Name).SingleAsync();
}
