using System.Buffers.Text;
using System.Security.Cryptography;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Agenda;

/// <summary>
/// A user's personal calendar feed (iCalendar) for Outlook or Google: reachable without signing in, by a secret address.
/// Only a hash of the secret is stored, so the address is shown once, when it is made; making a new one or stopping
/// the feed revokes the old address at once. A disabled user's feed answers nothing.
/// </summary>
public sealed class CalendarFeed : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>SHA-256 of the secret part of the address, hex.</summary>
    [AuditRedacted]
    public string SecretHash { get; set; } = string.Empty;

    /// <summary>Show only the dossier number and the kind of item, not titles: for calendars others can look into.</summary>
    public bool TitlesHidden { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public AuditSubject AuditSubject => new(nameof(CalendarFeed), Id);
}

/// <summary>
/// The feed's secret address: the user's id (so the firm can be found before anything else is read) followed by 32
/// random bytes. Compared by hash in constant time.
/// </summary>
public static class CalendarFeedToken
{
    private const int SecretBytes = 32;

    public static (string Token, string SecretHash) Create(Guid userId)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (userId.ToString("N") + secret, Hash(secret));
    }

    public static (Guid UserId, string Secret)? Parse(string? token) =>
        token is { Length: > 32 } && Guid.TryParseExact(token[..32], "N", out var userId) && token.Length - 32 == Base64Url.GetEncodedLength(SecretBytes)
            ? (userId, token[32..])
            : null;

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Hash(secret)), System.Text.Encoding.ASCII.GetBytes(storedHash));
}
