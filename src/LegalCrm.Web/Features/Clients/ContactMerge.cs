using System.Reflection;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// Merging two records of the same person or organisation: per field the user picks which value survives; contact
/// details and tags are united without doubles. Pure rules here; <see cref="ContactMergeService"/> does the database work.
/// </summary>
public static class ContactMerge
{
    /// <summary>The fields a user chooses between when the two records differ.</summary>
    public static readonly IReadOnlyList<string> ChoosableFields =
    [
        nameof(Contact.Salutation), nameof(Contact.Initials), nameof(Contact.FirstName), nameof(Contact.NameParticle), nameof(Contact.LastName),
        nameof(Contact.DateOfBirth), nameof(Contact.LetterGreeting), nameof(Contact.PreferredLanguage), nameof(Contact.OrganisationName),
        nameof(Contact.LegalForm), nameof(Contact.KvkNumber), nameof(Contact.VatNumber), nameof(Contact.Website), nameof(Contact.Iban),
        nameof(Contact.Notes), nameof(Contact.ResponsibleLawyerId), nameof(Contact.LawfulBasis), nameof(Contact.DataSource),
    ];

    public static object? Value(Contact contact, string field) => Property(field).GetValue(contact);

    public static IReadOnlyList<string> Differences(Contact keep, Contact other) =>
        ChoosableFields.Where(f => !Equals(Value(keep, f), Value(other, f))).ToList();

    /// <summary>
    /// Applies the choices (fields taken from <paramref name="other"/>) to <paramref name="keep"/>, fills empty fields from
    /// the other record, and unites e-mail addresses, phone numbers, addresses and tags. Client data stays with the record
    /// kept unless only the other one is a client.
    /// </summary>
    public static void Apply(Contact keep, Contact other, IReadOnlySet<string> takeFromOther)
    {
        if (keep.Kind != other.Kind)
        {
            throw new InvalidOperationException("A person and an organisation cannot be merged.");
        }

        foreach (var field in ChoosableFields)
        {
            var ours = Value(keep, field);
            var theirs = Value(other, field);
            if (takeFromOther.Contains(field) || (ours is null && theirs is not null))
            {
                Property(field).SetValue(keep, theirs);
            }
        }

        if (keep.ClientNumber is null && other.ClientNumber is not null)
        {
            keep.ClientNumber = other.ClientNumber;
            keep.ClientSince = other.ClientSince;
        }
        else if (other.ClientSince is { } since && keep.ClientSince is { } ourSince && since < ourSince)
        {
            keep.ClientSince = since;
        }

        keep.Tags = keep.Tags.Union(other.Tags).Order(StringComparer.Ordinal).ToList();
        foreach (var email in other.Emails.Where(e => keep.Emails.All(k => k.NormalizedAddress != e.NormalizedAddress)))
        {
            keep.Emails.Add(new ContactEmail { Kind = email.Kind, Address = email.Address, NormalizedAddress = email.NormalizedAddress });
        }

        foreach (var phone in other.Phones.Where(p => keep.Phones.All(k => k.Number != p.Number)))
        {
            keep.Phones.Add(new ContactPhone { Kind = phone.Kind, Number = phone.Number });
        }

        foreach (var address in other.Addresses.Where(a => keep.Addresses.All(k => !SameAddress(k, a))))
        {
            keep.Addresses.Add(new ContactAddress { Kind = address.Kind, Street = address.Street, PostalCode = address.PostalCode, City = address.City, CountryCode = address.CountryCode });
        }

        keep.RecomputeNames();
    }

    private static bool SameAddress(ContactAddress a, ContactAddress b) =>
        a.Kind == b.Kind && a.PostalCode == b.PostalCode && DutchName.Fold(a.Street) == DutchName.Fold(b.Street) && a.CountryCode == b.CountryCode;

    private static PropertyInfo Property(string field) =>
        typeof(Contact).GetProperty(field) ?? throw new ArgumentException($"Unknown field {field}.", nameof(field));
}

/// <summary>
/// Everything that points at a contact moves to the surviving contact when two are merged. Each feature that links to
/// contacts registers one of these; the merge runs them all in its transaction.
/// </summary>
public interface IContactLinks
{
    /// <summary>The entity types whose references to a contact this mover moves (a test checks every such table is covered).</summary>
    IReadOnlyList<Type> Covers { get; }

    Task MoveAsync(Guid from, Guid to, CancellationToken ct);
}
