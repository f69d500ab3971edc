using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace LegalCrm.Web.Features.Account.Manage;

/// <summary>
/// Enrolment in TOTP two-factor sign-in: a key shown as QR code, confirmed by a first code, then ten recovery codes
/// shown once. When the firm requires two-factor sign-in, users land here until they have enrolled and cannot turn it off.
/// </summary>
[AnySignedInUser]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Startup.SignInRateLimit.Policy)]
public sealed class TwoFactorModel(
    UserManager<CrmUser> users,
    CrmSignInManager signIn,
    CurrentUser me,
    CrmDbContext db,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "The code has 6 digits.")]
    [Display(Name = "Authentication code")]
    public string Code { get; set; } = string.Empty;

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string FormattedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(await CurrentAsync());

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await CurrentAsync();
        if (!ModelState.IsValid)
        {
            return await LoadAsync(user);
        }

        var code = AuthenticatorCode.Normalize(Code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), l["That code is not valid. Check the time on your phone and try the newest code."]);
            return await LoadAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        RecoveryCodes = codes;
        return Page();
    }

    public async Task<IActionResult> OnPostNewRecoveryCodesAsync()
    {
        var user = await CurrentAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await LoadAsync(user);
        RecoveryCodes = codes;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentAsync();
        if (await FirmRequiresAsync())
        {
            TempData["Status"] = l["Your firm requires two-factor sign-in; it cannot be turned off."].Value;
            return RedirectToPage();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = l["Two-factor sign-in is off."].Value;
        return RedirectToPage();
    }

    private async Task<CrmUser> CurrentAsync() =>
        await users.FindByIdAsync(me.UserId!.Value.ToString()) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    private Task<bool> FirmRequiresAsync() => db.Firms.Select(f => f.TwoFactorRequired).SingleAsync();

    private async Task<IActionResult> LoadAsync(CrmUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await FirmRequiresAsync();
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return Page();
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
            // Resetting the key changed the security stamp; keep this session.
            await signIn.RefreshSignInAsync(user);
        }

        FormattedKey = string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))).ToLowerInvariant();
        var uri = string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            Uri.EscapeDataString("LegalCrm"), Uri.EscapeDataString(user.Email ?? string.Empty), key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Encoding.UTF8.GetBytes(uri), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
        return Page();
    }
}
