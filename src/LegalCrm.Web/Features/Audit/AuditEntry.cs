using LegalCrm.Web.Tenancy;

namespace LegalCrm.Web.Features.Audit;

/// <summary>
/// One line of the firm's audit trail: a change to tenant data (written by <see cref="AuditInterceptor"/> in the
/// same transaction as the change) or a security event such as a sign-in. Append-only: the app's database role
/// may insert and read these rows, never update or delete them.
/// </summary>
[NotAudited]
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public Guid? UserId { get; set; }

    public required string ActorName { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>The record whose history this change belongs to (e.g. the contact of a changed phone number).</summary>
    public string? SubjectType { get; set; }

    public Guid? SubjectId { get; set; }

    /// <summary>JSON: for changes <c>{"Field": {"old": …, "new": …}}</c>; for events, event details.</summary>
    public string? Changes { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>The row's place in its firm's hash chain, given when it is sealed (<see cref="AuditChainSealer"/>); null until then.</summary>
    public long? ChainSeq { get; set; }

    /// <summary>HMAC over the previous row's hash and this row (<see cref="AuditChainHash"/>).</summary>
    public byte[]? ChainHash { get; set; }

    /// <summary>SHA-256 of <see cref="Changes"/> as sealed; the chain covers the changes through it.</summary>
    public byte[]? ChangesDigest { get; set; }

    /// <summary>The anonymisation runs (ids of their own audit rows) that changed <see cref="Changes"/> after sealing.</summary>
    public long[]? AnonymisedBy { get; set; }
}

public static class AuditActions
{
    public const string Insert = "insert";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string SignInTwoFactorRequired = "sign-in.two-factor-required";
    public const string SignInTwoFactorFailed = "sign-in.two-factor-failed";
    public const string SignInRecoveryCodeUsed = "sign-in.recovery-code-used";
    public const string SignOut = "sign-out";
    public const string PasswordResetRequested = "password.reset-requested";
    public const string PasswordReset = "password.reset";
    public const string Export = "export";
    public const string Merge = "merge";
    public const string Import = "import";
    public const string View = "view";
    public const string BreakGlass = "break-glass";
    public const string Erasure = "erasure";
    public const string Retention = "retention";
    public const string AuditAnonymised = "audit.anonymised";
    public const string AuditVerified = "audit.verified";
    public const string SessionsEnded = "sessions.ended";
    public const string UserOffboarded = "user.offboarded";

    /// <summary>
    /// The sign-in attempts a user is shown of their own account (the dashboard): a partial index holds just these,
    /// so the five latest are found without walking all of the user's audit entries.
    /// </summary>
    public static readonly IReadOnlyList<string> SignInAttempts = [SignInSucceeded, SignInFailed, SignInLockedOut, SignInTwoFactorFailed];

    public static readonly IReadOnlyList<string> All =
    [
        Insert, Update, Delete, SignInSucceeded, SignInFailed, SignInLockedOut, SignInTwoFactorRequired,
        SignInTwoFactorFailed, SignInRecoveryCodeUsed, SignOut, PasswordResetRequested, PasswordReset, Export, Merge, Import, View, BreakGlass, Erasure, Retention, AuditAnonymised, AuditVerified, SessionsEnded, UserOffboarded,
    ];
}

/// <summary>
/// Marks an entity type whose rows are not themselves audited (the audit trail, transport queues), or a property the
/// system keeps for its own planning (when the next reminder goes), derived from audited fields and not client data:
/// a change of only such properties writes no audit row.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>Marks a property whose value never goes into the audit trail (hashes, secrets); the change itself is still recorded.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditRedactedAttribute : Attribute;
