using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// Likely duplicates of a contact about to be saved: the same e-mail address, phone number or KvK number, or a similar
/// name together with the same date of birth or postcode.
/// </summary>
public sealed class ContactDuplicates(CrmDbContext db)
{
    public const string SameEmail = "same e-mail address";
    public const string SamePhone = "same phone number";
    public const string SameKvk = "same KvK number";
    public const string SimilarNameSameBirth = "similar name and same date of birth";
    public const string SimilarNameSamePostcode = "similar name and same postcode";

    public static readonly IReadOnlyList<string> AllReasons = [SameEmail, SamePhone, SameKvk, SimilarNameSameBirth, SimilarNameSamePostcode];

    public sealed record Candidate(Guid Id, string DisplayName, IReadOnlyList<string> Reasons);

    public async Task<IReadOnlyList<Candidate>> FindAsync(ContactInput input, Guid? except = null, CancellationToken ct = default)
    {
        var emails = input.Emails.Select(e => e.Address?.Trim().ToLowerInvariant()).Where(e => !string.IsNullOrEmpty(e)).Cast<string>().ToList();
        var phones = input.Phones.Select(p => p.Number is null ? null : ContactDetailsRules.NormalizePhone(p.Number)).Where(p => p is not null).Cast<string>().ToList();
        var kvk = input.KvkNumber is null ? null : ContactDetailsRules.NormalizeKvk(input.KvkNumber);
        var postcodes = input.Addresses.Where(a => !a.IsEmpty && a.PostalCode is not null)
            .Select(a => ContactDetailsRules.NormalizeDutchPostcode(a.PostalCode!) ?? a.PostalCode!.Trim().ToUpperInvariant()).ToList();
        var name = DutchName.Fold(input.Kind == ContactKind.Person ? $"{input.NameParticle} {input.LastName}".Trim() : input.OrganisationName ?? string.Empty);
        var birth = input.DateOfBirth;

        var rows = await db.Contacts.AsNoTracking()
            .Where(c => c.Id != except)
            .Select(c => new
            {
                c.Id,
                c.DisplayName,
                Email = c.Emails.Any(e => emails.Contains(e.NormalizedAddress)),
                Phone = c.Phones.Any(p => phones.Contains(p.Number)),
                Kvk = kvk != null && c.KvkNumber == kvk,
                SimilarName = name != string.Empty && EF.Functions.TrigramsAreWordSimilar(name, c.SearchText),
                SameBirth = birth != null && c.DateOfBirth == birth,
                SamePostcode = c.Addresses.Any(a => postcodes.Contains(a.PostalCode!)),
            })
            .Where(c => c.Email || c.Phone || c.Kvk || (c.SimilarName && (c.SameBirth || c.SamePostcode)))
            .Take(10)
            .ToListAsync(ct);

        return rows.Select(r => new Candidate(r.Id, r.DisplayName, Reasons(r.Email, r.Phone, r.Kvk, r.SimilarName && r.SameBirth, r.SimilarName && r.SamePostcode))).ToList();
    }

    private static List<string> Reasons(bool email, bool phone, bool kvk, bool nameAndBirth, bool nameAndPostcode)
    {
        var reasons = new List<string>();
        if (email) { reasons.Add(SameEmail); }
        if (phone) { reasons.Add(SamePhone); }
        if (kvk) { reasons.Add(SameKvk); }
        if (nameAndBirth) { reasons.Add(SimilarNameSameBirth); }
        if (nameAndPostcode) { reasons.Add(SimilarNameSamePostcode); }
        return reasons;
    }
}
