using System.Globalization;
using LegalCrm.Web.Infrastructure.Pdf;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// The breach register as evidence (art. 33(5)): each breach with its answers in the order of the AP's notification
/// form — contact, timeline, nature, data, people, prior measures, consequences, measures, decisions — as a PDF per
/// breach and as a CSV of all, and the plain-language draft for the people concerned (art. 34(2)).
/// </summary>
public sealed class BreachExports(IStringLocalizer<SharedResource> l)
{
    public IReadOnlyList<(string Label, string Value)> Fields(Breach b) =>
    [
        (l["Number"], b.Number.ToString(CultureInfo.CurrentCulture)),
        (l["Title"], b.Title),
        (l["Contact person"], b.ContactPerson ?? string.Empty),
        (l["What happened"], b.Description ?? string.Empty),
        (l["Started at"], Moment(b.StartedAt)),
        (l["Became aware at"], Moment(b.DiscoveredAt)),
        (l["Still ongoing"], b.Ongoing ? l["Yes"] : b.EndedAt is { } ended ? l["No, ended at {0}", Moment(ended)] : l["No"]),
        (l["Nature"], Nature(b)),
        (l["Categories of personal data"], b.DataCategories ?? string.Empty),
        (l["Special categories and criminal data"], b.SpecialCategories ?? string.Empty),
        (l["Approximate number of records"], Number(b.RecordsAffected)),
        (l["People affected"], b.AffectedGroups ?? string.Empty),
        (l["Approximate number of people"], Number(b.PeopleAffected)),
        (l["Data encrypted or unintelligible"], b.DataEncrypted switch { true => l["Yes"], false => l["No"], null => l["Unknown"] }),
        (l["Likely consequences"], b.LikelyConsequences ?? string.Empty),
        (l["Measures taken"], b.MeasuresTaken ?? string.Empty),
        (l["Measures proposed"], b.MeasuresProposed ?? string.Empty),
        (l["Risk to people"], l["risk:" + b.Risk]),
        (l["Risk reasoning"], b.RiskReasoning ?? string.Empty),
        (l["Notify the AP"], l["authority:" + b.AuthorityDecision]),
        (l["Reasoning about notifying"], b.AuthorityDecisionReasoning ?? string.Empty),
        (l["AP notified at"], Moment(b.AuthorityNotifiedAt)),
        (l["AP reference"], b.AuthorityReference ?? string.Empty),
        (l["Reasons for the delay"], b.DelayReasons ?? string.Empty),
        (l["Inform the people concerned"], l["subjects:" + b.SubjectsDecision]),
        (l["Ground for not informing"], b.SubjectsExemption == SubjectsExemption.None ? string.Empty : l["exemption:" + b.SubjectsExemption]),
        (l["Reasoning about informing"], b.SubjectsDecisionReasoning ?? string.Empty),
        (l["People told at"], Moment(b.SubjectsInformedAt)),
        (l["People in other EU countries"], b.CrossBorder ? l["Yes"] : l["No"]),
        (l["Status"], b.Status == BreachStatus.Closed ? l["Closed at {0}", Moment(b.ClosedAt)] : l["Open"]),
    ];

    public byte[] Csv(IReadOnlyList<Breach> breaches)
    {
        var text = new System.Text.StringBuilder();
        text.Append(Shared.Csv.Line(Fields(new Breach()).Select(f => f.Label))).Append("\r\n");
        foreach (var breach in breaches)
        {
            text.Append(Shared.Csv.Line(Fields(breach).Select(f => f.Value))).Append("\r\n");
        }

        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] Pdf(string firmName, Breach b, DateTimeOffset exportedAt)
    {
        var title = l["Data breach {0}", b.Number].Value;
        using var pdf = new PdfFlow(title + " · " + firmName, firmName);
        pdf.Heading(title + ": " + b.Title, 16);
        pdf.Paragraph(l["Documentation of a personal data breach (art. 33(5) AVG), in the order of the notification form of the Autoriteit Persoonsgegevens."], small: true);
        pdf.Space(6);
        pdf.Field(l["Controller"], firmName);
        foreach (var (label, value) in Fields(b).Skip(2))
        {
            pdf.Field(label, value);
        }

        if (b.FollowUps.Count > 0)
        {
            pdf.Rule();
            pdf.Heading(l["Follow-up notifications (art. 33(4))"], 12.5);
            foreach (var followUp in b.FollowUps.OrderBy(f => f.SentAt))
            {
                pdf.Field(Moment(followUp.SentAt) + (followUp.Reference is null ? string.Empty : " · " + followUp.Reference), followUp.Summary);
            }
        }

        if (!string.IsNullOrWhiteSpace(b.SubjectsMessage))
        {
            pdf.Rule();
            pdf.Heading(l["Message to the people concerned (art. 34)"], 12.5);
            pdf.Paragraph(b.SubjectsMessage);
        }

        var date = AmsterdamTime.ToLocal(exportedAt).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);
        using var output = new MemoryStream();
        pdf.Save(output, $"{firmName} · {title} · {date}", l["page {0} of {1}"]);
        return output.ToArray();
    }

    /// <summary>
    /// A first draft of the message to the people concerned, in clear and plain language (art. 34(2)): what happened,
    /// the likely consequences, what the firm did and does, what they can do themselves, and whom to ask.
    /// </summary>
    public string SubjectsDraft(string firmName, Breach b)
    {
        var lines = new List<string>
        {
            l["Dear Sir or Madam,"],
            string.Empty,
            l["We are writing to tell you about an incident at {0} involving your personal data.", firmName].Value,
            string.Empty,
            l["What happened: {0}", Sentence(b.Description ?? b.Title)].Value,
            l["We became aware of this on {0}.", AmsterdamTime.ToLocal(b.DiscoveredAt).ToString("d MMMM yyyy", CultureInfo.CurrentCulture)].Value,
        };
        if (!string.IsNullOrWhiteSpace(b.DataCategories))
        {
            lines.Add(l["The data involved: {0}", Sentence(b.DataCategories)].Value);
        }

        if (!string.IsNullOrWhiteSpace(b.LikelyConsequences))
        {
            lines.Add(string.Empty);
            lines.Add(l["What this may mean for you: {0}", Sentence(b.LikelyConsequences)].Value);
        }

        var measures = string.Join(" ", new[] { b.MeasuresTaken, b.MeasuresProposed }.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => Sentence(m!)));
        if (measures.Length > 0)
        {
            lines.Add(string.Empty);
            lines.Add(l["What we have done and will do: {0}", measures].Value);
        }

        lines.Add(string.Empty);
        lines.Add(l["What you can do: be alert to unexpected messages that ask for personal details or payments, and tell us if you notice anything unusual."].Value);
        lines.Add(string.Empty);
        lines.Add(l["If you have questions, please contact {0}. You may also file a complaint with the Autoriteit Persoonsgegevens.", b.ContactPerson ?? firmName].Value);
        lines.Add(string.Empty);
        lines.Add(l["Yours faithfully,"].Value);
        lines.Add(firmName);
        return string.Join("\n", lines);
    }

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || ".!?".Contains(trimmed[^1], StringComparison.Ordinal) ? trimmed : trimmed + ".";
    }

    private string Nature(Breach b) => string.Join(", ", new[]
    {
        b.Confidentiality ? l["confidentiality (data seen or taken by others)"].Value : null,
        b.Integrity ? l["integrity (data changed)"].Value : null,
        b.Availability ? l["availability (data lost or unreachable)"].Value : null,
    }.Where(n => n is not null));

    private static string Number(int? n) => n?.ToString("N0", CultureInfo.CurrentCulture) ?? string.Empty;

    private static string Moment(DateTimeOffset? at) => at is { } moment ? AmsterdamTime.ToLocal(moment).ToString("d-M-yyyy HH:mm", CultureInfo.CurrentCulture) : string.Empty;
}
