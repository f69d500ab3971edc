using System.Globalization;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// What a feature holds about one person, for the access and portability package (AVG art. 15 and 20). Every feature
/// that stores rows pointing at a contact registers one (in <c>FeaturesStartup</c>) and names those rows in
/// <see cref="Covers"/>; a test fails when a table refers to contacts and no source covers it, so the package stays
/// complete as features are added.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The entity types whose rows about a contact this source reports.</summary>
    IReadOnlyList<Type> Covers { get; }

    /// <summary>The items about the contact, section by section, each streamed as it is read.</summary>
    IAsyncEnumerable<PersonalDataItem> CollectAsync(Guid contactId, CancellationToken ct);

    /// <summary>
    /// What erasure does to this feature's rows about the person (art. 17): with <paramref name="execute"/> false only
    /// counted for the preview, with true carried out (saved in the caller's transaction). Sources are erased in the
    /// reverse order of their registration, so the contact itself goes last.
    /// </summary>
    Task<IReadOnlyList<ErasureLine>> EraseAsync(ErasureScope scope, bool execute, CancellationToken ct);
}

public enum ErasureAction
{
    Delete,
    Pseudonymise,
    Keep,
}

/// <summary>One line of the erasure preview and the deletion log: a category (English label), how many rows, what happens and why.</summary>
public sealed record ErasureLine(string Category, int Count, ErasureAction Action, string? Reason = null);

/// <summary>
/// What an erasure of one person amounts to, decided before any feature acts: whether the contact goes, becomes a
/// pseudonym or must stay, which dossiers are kept and why, and the person's values to scrub from kept text.
/// </summary>
public sealed class ErasureScope(Guid contactId, string pseudonym, ErasureAction contactFate, string? contactKeptBecause,
    IReadOnlyDictionary<Guid, string> keptDossiers, IReadOnlyList<string> mentions)
{
    public Guid ContactId => contactId;

    /// <summary>The label the person's kept records carry: "Persoon 8F2A".</summary>
    public string Pseudonym => pseudonym;

    public ErasureAction ContactFate => contactFate;

    /// <summary>Why the contact's identity must stay (Wwft), as an English resource key with its details filled in.</summary>
    public string? ContactKeptBecause => contactKeptBecause;

    /// <summary>The dossiers in which the person is a party that must be kept, with the reason (already translated).</summary>
    public IReadOnlyDictionary<Guid, string> KeptDossiers => keptDossiers;

    /// <summary>The strings that identify the person wherever they appear: full name, e-mail addresses, phone numbers.</summary>
    public IReadOnlyList<string> Mentions => mentions;

    /// <summary>The text with every mention of the person replaced by the pseudonym.</summary>
    public string? Scrub(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var mention in mentions)
        {
            text = text.Replace(mention, pseudonym, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}

/// <summary>One field of an item: a JSON name, an English label the PDF translates, and a value.</summary>
public sealed record PersonalDataField(string Name, string Label, object? Value)
{
    /// <summary>The value as a person reads it (dates in Amsterdam time and the current culture).</summary>
    public string Text => Value switch
    {
        null => string.Empty,
        DateTimeOffset moment => Infrastructure.Time.AmsterdamTime.ToLocal(moment).ToString("d-M-yyyy HH:mm", CultureInfo.CurrentCulture),
        DateOnly day => day.ToString("d-M-yyyy", CultureInfo.CurrentCulture),
        IEnumerable<string> lines => string.Join("\n", lines),
        IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
        _ => Value.ToString() ?? string.Empty,
    };
}

/// <summary>
/// One record about the person. <paramref name="Key"/> is stable ("communication:{id}") so the officer's choice to
/// withhold it is remembered; <paramref name="WithheldByDefault"/> is the English reason (a resource key) when the
/// item should not be handed over unless the officer decides otherwise — privileged or about others (art. 15(4)).
/// </summary>
public sealed record PersonalDataItem(string Section, string Key, string Summary, IReadOnlyList<PersonalDataField> Fields, string? WithheldByDefault = null);

/// <summary>The sections of the package in the order a person reads them, with their English titles.</summary>
public static class PersonalDataSections
{
    public const string Contact = "contact";
    public const string Relationships = "relationships";
    public const string Consents = "consents";
    public const string Dossiers = "dossiers";
    public const string Documents = "documents";
    public const string Communications = "communications";
    public const string Tasks = "tasks";
    public const string Requests = "requests";
    public const string Reads = "reads";
    public const string Holds = "holds";

    public static readonly IReadOnlyList<(string Key, string Title)> All =
    [
        (Contact, "Personal and contact details"),
        (Relationships, "Relationships with other contacts"),
        (Consents, "Consents for newsletters and invitations"),
        (Dossiers, "Dossiers in which you are a party"),
        (Documents, "Documents in those dossiers"),
        (Communications, "Correspondence, calls and meetings"),
        (Tasks, "Tasks concerning you"),
        (Requests, "Your requests about your data"),
        (Holds, "Legal holds concerning you"),
        (Reads, "Who looked at your details"),
    ];

    public static int Order(string section)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Key == section)
            {
                return i;
            }
        }

        return All.Count;
    }
}

/// <summary>Reasons to withhold an item by default (English resource keys; the officer can release the item).</summary>
public static class WithholdingReasons
{
    // Advocatenwet art. 10a: even the fact that someone is a client is confidential; art. 15(4) AVG: the right to a
    // copy must not adversely affect the rights and freedoms of others.
    public const string OtherClientsConfidence = "Part of another client's dossier: the lawyer's duty of confidentiality (art. 10a Advocatenwet) and the rights of others (art. 15(4) AVG).";

    public const string InternalNote = "An internal note of the lawyer: professional privilege (art. 10a Advocatenwet).";

    public const string Confidential = "Marked confidential: professional privilege (art. 10a Advocatenwet).";

    public const string LegalClaims = "Kept for a legal claim: disclosing it could harm the defence of the claim (art. 23(1)(j) AVG, art. 41(1)(i) UAVG).";
}
