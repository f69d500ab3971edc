using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Clients;

public enum MarketingPurpose
{
    Newsletter,
    Events,
    LegalUpdates,
}

public enum ConsentChannel
{
    Email,
    Post,
    Phone,
}

/// <summary>
/// Consent to marketing for one purpose through one channel. AVG art. 7(1): the firm must be able to show that the
/// contact consented, so the date and the exact text shown are kept; art. 7(3): withdrawal is recorded, not deleted,
/// and must be as easy as giving consent.
/// </summary>
public sealed class MarketingConsent : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid ContactId { get; set; }

    public MarketingPurpose Purpose { get; set; }

    public ConsentChannel Channel { get; set; }

    public DateOnly GivenOn { get; set; }

    /// <summary>The consent text as the contact saw it, e.g. the checkbox label on the sign-up form.</summary>
    public string TextShown { get; set; } = string.Empty;

    public string RecordedBy { get; set; } = string.Empty;

    public DateOnly? WithdrawnOn { get; set; }

    public bool IsActive => WithdrawnOn is null;

    public AuditSubject AuditSubject => new(nameof(Contact), ContactId);
}

/// <summary>Which contacts marketing may reach: an active consent for the purpose and channel, and not restricted (art. 18).</summary>
public static class MarketingAudience
{
    public static IQueryable<Contact> WithConsent(this IQueryable<Contact> contacts, CrmDbContext db, MarketingPurpose purpose, ConsentChannel? channel = null) =>
        contacts.Where(c => c.RestrictedAt == null
            && db.MarketingConsents.Any(m => m.ContactId == c.Id && m.Purpose == purpose && m.WithdrawnOn == null && (channel == null || m.Channel == channel)));
}

/// <summary>A merge keeps every consent record: they are the proof of consent (art. 7(1)), also after the merge.</summary>
public sealed class MarketingConsentLinks(CrmDbContext db) : IContactLinks
{
    public IReadOnlyList<Type> Covers { get; } = [typeof(MarketingConsent)];

    public async Task MoveAsync(Guid from, Guid to, CancellationToken ct)
    {
        foreach (var consent in await db.MarketingConsents.Where(m => m.ContactId == from).ToListAsync(ct))
        {
            consent.ContactId = to;
        }

        await db.SaveChangesAsync(ct);
    }
}
