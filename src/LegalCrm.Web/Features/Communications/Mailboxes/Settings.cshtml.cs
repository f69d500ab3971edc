using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Communications.Mailboxes;

/// <summary>The firm's mailbox: where it is, how to sign in (password kept encrypted), and how capturing is going.</summary>
[RequirePermission(Permissions.MailboxConfigure)]
public sealed class SettingsModel(CrmDbContext db, MailboxSecrets secrets, MailboxPolling polling, TenantContext tenant, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Mailbox? Current { get; private set; }

    public async Task OnGetAsync()
    {
        Current = await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync();
        if (Current is { } m)
        {
            Input = new InputModel { Host = m.Host, Port = m.Port, Security = m.Security, UserName = m.UserName, Folder = m.Folder, Enabled = m.Enabled };
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var mailbox = await db.Mailboxes.SingleOrDefaultAsync();
        if (!Enum.IsDefined(Input.Security))
        {
            return BadRequest();
        }

        if (mailbox is null && string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", l["Enter the mailbox password."]);
        }

        if (!ModelState.IsValid)
        {
            Current = mailbox;
            return Page();
        }

        if (mailbox is null)
        {
            mailbox = new Mailbox { CreatedAt = clock.GetUtcNow() };
            db.Mailboxes.Add(mailbox);
        }

        var moved = mailbox.Host != Input.Host!.Trim() || mailbox.UserName != Input.UserName!.Trim() || mailbox.Folder != Input.Folder!.Trim();
        mailbox.Host = Input.Host!.Trim();
        mailbox.Port = Input.Port;
        mailbox.Security = Input.Security;
        mailbox.UserName = Input.UserName!.Trim();
        mailbox.Folder = Input.Folder!.Trim();
        mailbox.Enabled = Input.Enabled;
        mailbox.UpdatedBy = me.ActorName;
        if (!string.IsNullOrEmpty(Input.Password))
        {
            mailbox.EncryptedPassword = secrets.Protect(Input.Password);
        }

        // Changed settings deserve a prompt try, not the end of a back-off pause; another mailbox starts from its first message.
        mailbox.NextAttemptAt = null;
        mailbox.ConsecutiveFailures = 0;
        if (moved)
        {
            mailbox.LastUid = 0;
            mailbox.UidValidity = 0;
        }

        await db.SaveChangesAsync();
        TempData["Status"] = l["The mailbox settings have been saved."].Value;
        return RedirectToPage();
    }

    /// <summary>Checks the mailbox now and says what happened, instead of waiting for the next minute.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        var mailbox = await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(ct);
        if (mailbox is null)
        {
            return NotFound();
        }

        var outcome = await polling.PollAsync(tenant.RequiredTenantId, mailbox.Id, ct);
        TempData["Status"] = outcome.Succeeded
            ? l["The mailbox was checked: {0} e-mails filed, {1} waiting to be filed.", outcome.Filed, outcome.ToTriage].Value
            : l["The mailbox could not be checked: {0}", l[outcome.Error!]].Value;
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the mail server.")]
        [StringLength(255, ErrorMessage = "{0} can be at most {1} characters long.")]
        [RegularExpression(@"^[A-Za-z0-9.\-]+$", ErrorMessage = "Enter a server name such as imap.example.nl.")]
        [Display(Name = "Mail server (IMAP)")]
        public string? Host { get; set; }

        [Range(1, 65535, ErrorMessage = "{0} must be between {1} and {2}.")]
        [Display(Name = "Port")]
        public int Port { get; set; } = 993;

        [Display(Name = "Security")]
        public MailboxSecurity Security { get; set; } = MailboxSecurity.Tls;

        [Required(ErrorMessage = "Enter the account name.")]
        [StringLength(320, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Account")]
        public string? UserName { get; set; }

        [StringLength(500, ErrorMessage = "{0} can be at most {1} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Enter the folder.")]
        [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Folder")]
        public string? Folder { get; set; } = "INBOX";

        [Display(Name = "Capture e-mail from this mailbox")]
        public bool Enabled { get; set; } = true;
    }
}
