using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// Create or edit a person or an organisation. Server-side validation per field; a client number is drawn from the
/// firm's sequence when a contact becomes a client; a save that crosses someone else's is refused, naming them.
/// </summary>
[RequirePermission(Permissions.ClientsWrite)]
public sealed class EditModel(CrmDbContext db, NumberSequences numbers, ContactDuplicates duplicates, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    /// <summary>Set by "save anyway" after the duplicate warning.</summary>
    [BindProperty]
    public bool NotADuplicate { get; set; }

    public IReadOnlyList<ContactDuplicates.Candidate> Duplicates { get; private set; } = [];

    public bool IsNew => Id is null;

    public bool Restricted { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Lawyers { get; private set; } = [];

    public IEnumerable<SelectListItem> EmailKinds => EnumOptions.For<EmailKind>(l, "email:");

    public IEnumerable<SelectListItem> PhoneKinds => EnumOptions.For<PhoneKind>(l, "phone:");

    public IEnumerable<SelectListItem> AddressKinds => EnumOptions.For<AddressKind>(l, "address:");

    public IEnumerable<SelectListItem> LawfulBases => EnumOptions.For<LawfulBasis>(l, "basis:");

    public async Task<IActionResult> OnGetAsync(ContactKind kind = ContactKind.Person)
    {
        if (Id is { } id)
        {
            var contact = await LoadAsync(id, tracking: false);
            if (contact is null)
            {
                return NotFound();
            }

            Restricted = contact.IsRestricted;
            Input = ContactInputMapping.ToInput(contact);
        }
        else
        {
            Input = new ContactInput { Kind = kind };
        }

        await PrepareFormAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var error in ContactInputRules.Check(Input, AmsterdamTime.Today(clock)))
        {
            ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : $"{nameof(Input)}.{error.Field}", l[error.Message]);
        }

        if (Input.ResponsibleLawyerId is { } lawyer && !await db.Users.AnyAsync(u => u.Id == lawyer))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ResponsibleLawyerId)}", l["Choose a lawyer from the list."]);
        }

        Contact? contact = null;
        if (Id is { } id)
        {
            contact = await LoadAsync(id, tracking: true);
            if (contact is null)
            {
                return NotFound();
            }

            if (contact.IsRestricted)
            {
                Restricted = true;
                ModelState.AddModelError(string.Empty, l["Processing of this contact is restricted (AVG art. 18); it cannot be changed."]);
            }
        }

        if (!ModelState.IsValid)
        {
            await PrepareFormAsync();
            return Page();
        }

        if (contact is null && !NotADuplicate)
        {
            Duplicates = await duplicates.FindAsync(Input);
            if (Duplicates.Count > 0)
            {
                await PrepareFormAsync();
                return Page();
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        if (contact is null)
        {
            contact = new Contact { Kind = Input.Kind, CreatedAt = now };
            db.Contacts.Add(contact);
        }
        else
        {
            db.Entry(contact).Property(c => c.Version).OriginalValue = Input.Version;
        }

        ContactInputMapping.Apply(Input, contact);
        if (Input.IsClient && contact.ClientNumber is null)
        {
            contact.ClientNumber = (int)await numbers.NextAsync("client");
            contact.ClientSince ??= AmsterdamTime.Today(clock);
        }
        else if (!Input.IsClient)
        {
            contact.ClientNumber = null;
            contact.ClientSince = null;
        }

        contact.RecomputeNames();
        contact.UpdatedAt = now;
        contact.UpdatedBy = me.DisplayName ?? me.ActorName;

        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            var current = await db.Contacts.AsNoTracking().Where(c => c.Id == contact.Id).Select(c => new { c.UpdatedBy, c.UpdatedAt, c.Version }).SingleOrDefaultAsync();
            if (current is null)
            {
                return NotFound();
            }

            ModelState.AddModelError(string.Empty, l["{0} changed this contact at {1} while you were editing. Your changes have not been saved. Open the contact in a new tab to see theirs; saving this form again will overwrite them.",
                current.UpdatedBy, AmsterdamTime.ToLocal(current.UpdatedAt).ToString("g", System.Globalization.CultureInfo.CurrentCulture)]);
            Input.Version = current.Version;
            await PrepareFormAsync();
            return Page();
        }

        TempData["Status"] = l["{0} has been saved.", contact.DisplayName].Value;
        return Redirect($"/Clients/{contact.Id}");
    }

    private Task<Contact?> LoadAsync(Guid id, bool tracking)
    {
        var query = db.Contacts.Include(c => c.Addresses).Include(c => c.Phones).Include(c => c.Emails).AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id);
    }

    private async Task PrepareFormAsync()
    {
        Lawyers = await UserOptions.ActiveAsync(db);
        // One empty row each, so a detail can be added without scripts.
        if (Input.Addresses.Count < ContactInput.MaxRows && Input.Addresses.All(a => !a.IsEmpty))
        {
            Input.Addresses.Add(new ContactInput.AddressRow { Kind = Input.Addresses.Count == 0 ? AddressKind.Visit : AddressKind.Postal });
        }

        if (Input.Phones.Count < ContactInput.MaxRows && Input.Phones.All(p => !string.IsNullOrWhiteSpace(p.Number)))
        {
            Input.Phones.Add(new ContactInput.PhoneRow { Kind = Input.Kind == ContactKind.Person ? PhoneKind.Mobile : PhoneKind.Work });
        }

        if (Input.Emails.Count < ContactInput.MaxRows && Input.Emails.All(e => !string.IsNullOrWhiteSpace(e.Address)))
        {
            Input.Emails.Add(new ContactInput.EmailRow());
        }
    }
}
