using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Clients;

public enum ContactKind
{
    Person,
    Organisation,
}

/// <summary>The lawful basis for processing a contact's personal data (AVG art. 6(1) a–f).</summary>
public enum LawfulBasis
{
    Consent,           // art. 6(1)(a)
    Contract,          // art. 6(1)(b): the engagement (opdracht) with the client
    LegalObligation,   // art. 6(1)(c): e.g. Wwft client due diligence
    VitalInterests,    // art. 6(1)(d)
    PublicTask,        // art. 6(1)(e)
    LegitimateInterests, // art. 6(1)(f): e.g. opposing parties, their counsel
}

/// <summary>
/// A person or an organisation in the firm's address book; a client when it has a client number. Derived names
/// (display, sort, search) are recomputed from the parts on every save through <see cref="RecomputeNames"/>.
/// </summary>
public sealed class Contact : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public ContactKind Kind { get; set; }

    // Person
    public string? Initials { get; set; }

    public string? FirstName { get; set; }

    /// <summary>Tussenvoegsel, e.g. "van der".</summary>
    public string? NameParticle { get; set; }

    public string? LastName { get; set; }

    /// <summary>Aanhef, e.g. "De heer", "Mevrouw", "Mr."</summary>
    public string? Salutation { get; set; }

    /// <summary>How a letter opens, e.g. "Geachte heer Van den Berg,".</summary>
    public string? LetterGreeting { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? PreferredLanguage { get; set; }

    // Organisation
    public string? OrganisationName { get; set; }

    /// <summary>Rechtsvorm, e.g. "B.V.", "N.V.", "Stichting".</summary>
    public string? LegalForm { get; set; }

    /// <summary>Chamber of Commerce number: 8 digits.</summary>
    public string? KvkNumber { get; set; }

    public string? VatNumber { get; set; }

    // Both
    public string? Website { get; set; }

    public string? Iban { get; set; }

    public string? Notes { get; set; }

    public List<string> Tags { get; set; } = [];

    public List<ContactAddress> Addresses { get; set; } = [];

    public List<ContactPhone> Phones { get; set; } = [];

    public List<ContactEmail> Emails { get; set; } = [];

    // Client
    public int? ClientNumber { get; set; }

    public DateOnly? ClientSince { get; set; }

    public Guid? ResponsibleLawyerId { get; set; }

    public bool IsClient => ClientNumber is not null;

    // Privacy (AVG)
    public LawfulBasis LawfulBasis { get; set; } = LawfulBasis.Contract;

    /// <summary>Where the data came from, for contacts who did not give it themselves (art. 14(2)(f)).</summary>
    public string? DataSource { get; set; }

    /// <summary>Restriction of processing (art. 18): the contact is read-only and excluded from marketing.</summary>
    public DateTimeOffset? RestrictedAt { get; set; }

    public string? RestrictionReason { get; set; }

    public bool IsRestricted => RestrictedAt is not null;

    /// <summary>When the person's identity gave way to a pseudonym (erasure or retention): nothing personal is left to dispose of.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    // Derived and bookkeeping
    public string DisplayName { get; set; } = string.Empty;

    public string SortName { get; set; } = string.Empty;

    public string SortKey { get; set; } = string.Empty;

    /// <summary>Folded names and numbers the trigram search runs on.</summary>
    public string SearchText { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>PostgreSQL's xmin: the second of two concurrent saves is refused.</summary>
    public uint Version { get; set; }

    public AuditSubject AuditSubject => new(nameof(Contact), Id);

    public void RecomputeNames()
    {
        if (Kind == ContactKind.Person)
        {
            var last = LastName ?? string.Empty;
            DisplayName = DutchName.Display(Initials, FirstName, NameParticle, last);
            SortName = DutchName.Sorted(Initials, FirstName, NameParticle, last);
            SortKey = DutchName.SortKey(Initials, FirstName, last);
        }
        else
        {
            var name = (OrganisationName ?? string.Empty).Trim();
            DisplayName = string.IsNullOrWhiteSpace(LegalForm) ? name : $"{name} {LegalForm.Trim()}";
            SortName = DisplayName;
            SortKey = DutchName.Fold(name);
        }

        var parts = new[]
        {
            DisplayName, FirstName, Initials, NameParticle, LastName, $"{NameParticle} {LastName}", OrganisationName,
            KvkNumber, ClientNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        // Each word once: the trigram index and the relevance ranking (word_similarity per hit) cost in proportion to its length.
        var words = DutchName.Fold(string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        SearchText = string.Join(' ', words.Distinct(StringComparer.Ordinal));
    }
}

public enum AddressKind
{
    Visit,
    Postal,
    Billing,
}

public sealed class ContactAddress : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid ContactId { get; set; }

    public AddressKind Kind { get; set; }

    /// <summary>Street and house number, e.g. "Keizersgracht 123-A".</summary>
    public string Street { get; set; } = string.Empty;

    /// <summary>"1234 AB" for the Netherlands; free form abroad.</summary>
    public string? PostalCode { get; set; }

    public string City { get; set; } = string.Empty;

    /// <summary>ISO 3166 alpha-2, "NL" by default.</summary>
    public string CountryCode { get; set; } = "NL";

    public AuditSubject AuditSubject => new(nameof(Contact), ContactId);
}

public enum PhoneKind
{
    Mobile,
    Work,
    Home,
    Other,
}

public sealed class ContactPhone : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid ContactId { get; set; }

    public PhoneKind Kind { get; set; }

    /// <summary>E.164, e.g. "+31612345678".</summary>
    public string Number { get; set; } = string.Empty;

    public AuditSubject AuditSubject => new(nameof(Contact), ContactId);
}

public enum EmailKind
{
    Work,
    Private,
    Other,
}

public sealed class ContactEmail : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid ContactId { get; set; }

    public EmailKind Kind { get; set; }

    public string Address { get; set; } = string.Empty;

    /// <summary>Lower case, for matching ("Jan@Kantoor.nl" = "jan@kantoor.nl").</summary>
    public string NormalizedAddress { get; set; } = string.Empty;

    public AuditSubject AuditSubject => new(nameof(Contact), ContactId);
}
