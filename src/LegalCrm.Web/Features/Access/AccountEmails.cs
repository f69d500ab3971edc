using LegalCrm.Web.Infrastructure.Email;
using LegalCrm.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access;

/// <summary>The e-mails about a user's account, written in the recipient's language and queued in the outbox.</summary>
public sealed class AccountEmails(EmailOutbox outbox, AccountLinks links, IStringLocalizer<SharedResource> localizer)
{
    public async Task QueueInvitationAsync(CrmUser user, string firmName, string invitedBy)
    {
        var link = await links.InvitationAsync(user);
        using var _ = new RecipientCulture(user.PreferredCulture);
        outbox.Add(user.Email!, user.DisplayName,
            localizer["You are invited to {0} in LegalCrm", firmName],
            localizer["Invitation mail body", user.DisplayName, invitedBy, firmName, link, InvitationTokenProvider.Lifespan.Days]);
    }

    public async Task QueuePasswordResetAsync(CrmUser user)
    {
        var link = await links.PasswordResetAsync(user);
        using var _ = new RecipientCulture(user.PreferredCulture);
        outbox.Add(user.Email!, user.DisplayName,
            localizer["Reset your LegalCrm password"],
            localizer["Password reset mail body", user.DisplayName, link]);
    }
}
