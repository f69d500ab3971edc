using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LegalCrm.Web.Features.Account;

/// <summary>Mails a password-reset link. The answer is the same whether or not the address exists.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Startup.SignInRateLimit.Policy)]
public sealed class ForgotPasswordModel(SignInFlow flow, AccountEmails emails, EmailOutbox outbox, CrmDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "E-mail address")]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await flow.FindByEmailAsync(Email);
        if (user is { IsDisabled: false })
        {
            await emails.QueuePasswordResetAsync(user);
            await db.SaveChangesAsync();
            outbox.DispatchSaved();
            await flow.RecordAsync(user, AuditActions.PasswordResetRequested);
        }

        Sent = true;
        return Page();
    }
}
