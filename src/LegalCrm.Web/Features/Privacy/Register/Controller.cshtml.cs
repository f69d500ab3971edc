using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Register;

/// <summary>The firm's own part of the register (AVG art. 30(1)(a)): contact details, representative, data protection officer.</summary>
[RequirePermission(Permissions.PrivacyRegister)]
public sealed class ControllerModel(CrmDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        if (await db.RegisterDetails.AsNoTracking().SingleOrDefaultAsync() is { } details)
        {
            Input = new InputModel
            {
                ControllerContact = details.ControllerContact,
                Representative = details.Representative,
                ProtectionOfficerName = details.ProtectionOfficerName,
                ProtectionOfficerContact = details.ProtectionOfficerContact,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        PrivacyForms.CheckLengths(ModelState, l, [
                     (nameof(InputModel.ControllerContact), Input.ControllerContact, ProcessingRegisterLimits.ShortText),
                     (nameof(InputModel.Representative), Input.Representative, ProcessingRegisterLimits.ShortText),
                     (nameof(InputModel.ProtectionOfficerName), Input.ProtectionOfficerName, 200),
                     (nameof(InputModel.ProtectionOfficerContact), Input.ProtectionOfficerContact, ProcessingRegisterLimits.ShortText),
        ]);

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var details = await db.RegisterDetails.SingleOrDefaultAsync();
        if (details is null)
        {
            details = new RegisterDetails();
            db.RegisterDetails.Add(details);
        }

        details.ControllerContact = PrivacyForms.Clean(Input.ControllerContact);
        details.Representative = PrivacyForms.Clean(Input.Representative);
        details.ProtectionOfficerName = PrivacyForms.Clean(Input.ProtectionOfficerName);
        details.ProtectionOfficerContact = PrivacyForms.Clean(Input.ProtectionOfficerContact);
        await db.SaveChangesAsync();
        TempData["Status"] = l["The firm's details in the register have been saved."].Value;
        return Redirect("/Privacy/Register");
    }

    public sealed class InputModel
    {
        public string? ControllerContact { get; set; }

        public string? Representative { get; set; }

        public string? ProtectionOfficerName { get; set; }

        public string? ProtectionOfficerContact { get; set; }
    }
}
