using System.ComponentModel.DataAnnotations;

namespace LegalCrm.Web.Features.Clients;

/// <summary>What the create/edit form posts. Lengths are checked by attributes; meaning by <see cref="ContactInputRules"/>.</summary>
public sealed class ContactInput
{
    public const int MaxRows = 5;

    public ContactKind Kind { get; set; }

    [StringLength(50, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Initials")]
    public string? Initials { get; set; }

    [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [StringLength(50, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name particle")]
    public string? NameParticle { get; set; }

    [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [StringLength(50, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Salutation")]
    public string? Salutation { get; set; }

    [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Letter greeting")]
    public string? LetterGreeting { get; set; }

    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [StringLength(50, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Preferred language")]
    public string? PreferredLanguage { get; set; }

    [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Organisation name")]
    public string? OrganisationName { get; set; }

    [StringLength(50, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Legal form")]
    public string? LegalForm { get; set; }

    [StringLength(20, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "KvK number")]
    public string? KvkNumber { get; set; }

    [StringLength(20, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "VAT number")]
    public string? VatNumber { get; set; }

    [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Website")]
    public string? Website { get; set; }

    [StringLength(50, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "IBAN")]
    public string? Iban { get; set; }

    [StringLength(10_000, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    [StringLength(500, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Tags")]
    public string? Tags { get; set; }

    [Display(Name = "Client")]
    public bool IsClient { get; set; }

    [Display(Name = "Client since")]
    public DateOnly? ClientSince { get; set; }

    [Display(Name = "Responsible lawyer")]
    public Guid? ResponsibleLawyerId { get; set; }

    [Display(Name = "Lawful basis")]
    public LawfulBasis LawfulBasis { get; set; } = LawfulBasis.Contract;

    [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Source of the data")]
    public string? DataSource { get; set; }

    public List<AddressRow> Addresses { get; set; } = [];

    public List<PhoneRow> Phones { get; set; } = [];

    public List<EmailRow> Emails { get; set; } = [];

    public uint Version { get; set; }

    public sealed class AddressRow
    {
        public Guid? Id { get; set; }

        public AddressKind Kind { get; set; }

        [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Street and number")]
        public string? Street { get; set; }

        [StringLength(20, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Postcode")]
        public string? PostalCode { get; set; }

        [StringLength(100, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "City")]
        public string? City { get; set; }

        [StringLength(2, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Country")]
        public string CountryCode { get; set; } = "NL";

        public bool IsEmpty => string.IsNullOrWhiteSpace(Street) && string.IsNullOrWhiteSpace(PostalCode) && string.IsNullOrWhiteSpace(City);
    }

    public sealed class PhoneRow
    {
        public Guid? Id { get; set; }

        public PhoneKind Kind { get; set; }

        [StringLength(40, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Phone")]
        public string? Number { get; set; }
    }

    public sealed class EmailRow
    {
        public Guid? Id { get; set; }

        public EmailKind Kind { get; set; }

        [StringLength(320, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "E-mail address")]
        public string? Address { get; set; }
    }
}
