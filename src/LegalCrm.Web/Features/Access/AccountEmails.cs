using System.Globalization;
using LegalCrm.Web.Infrastructure.Email;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access;

/// <summary>The e-mails about a user's account, written in the recipient's language and queued in the outbox.</summary>
public sealed class AccountEmails(EmailOutbox outbox, AccountLinks links, IStringLocalizer<SharedResource> localizer)
{
    public async Task QueueInvitationAsync(CrmUser user, string firmName, string invitedBy)
    {
        var link = await links.InvitationAsync(user);
        using var _ = new CultureScope(user.PreferredCulture);
        outbox.Add(user.Email!, user.DisplayName,
            localizer["You are invited to {0} in LegalCrm", firmName],
            localizer["Invitation mail body", user.DisplayName, invitedBy, firmName, link, InvitationTokenProvider.Lifespan.Days]);
    }

    public async Task QueuePasswordResetAsync(CrmUser user)
    {
        var link = await links.PasswordResetAsync(user);
        using var _ = new CultureScope(user.PreferredCulture);
        outbox.Add(user.Email!, user.DisplayName,
            localizer["Reset your LegalCrm password"],
            localizer["Password reset mail body", user.DisplayName, link]);
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

        public CultureScope(string culture)
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        }

        public void Dispose()
        {
            CultureInfo.CurrentUICulture = _ui;
            CultureInfo.CurrentCulture = _culture;
        }
    }
}
