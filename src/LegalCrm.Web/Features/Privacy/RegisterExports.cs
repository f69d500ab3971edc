using System.Globalization;
using LegalCrm.Web.Infrastructure.Pdf;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// The register as the supervisor reads it (PDF) and as an officer edits it elsewhere (CSV, XLSX): the same fields in
/// the same order (art. 30(1) a–g, lawful basis, status) in every format, labelled in the user's language.
/// </summary>
public sealed class RegisterExports(IStringLocalizer<SharedResource> l)
{
    public sealed record Header(string FirmName, int Version, DateTimeOffset ExportedAt, RegisterDetails? Details);

    /// <summary>One activity as label–value pairs, in the order of art. 30(1).</summary>
    public IReadOnlyList<(string Label, string Value)> Fields(ProcessingActivity a) =>
    [
        (l["Name"], a.Name),
        (l["Status"], a.Status == ActivityStatus.Ended
            ? l["Ended on {0}", a.EndedOn?.ToString("d-M-yyyy", CultureInfo.CurrentCulture) ?? "?"].Value
            : l["activity:" + a.Status].Value),
        (l["Joint controllers"], a.JointControllers ?? string.Empty),
        (l["Purposes"], a.Purposes ?? string.Empty),
        (l["Lawful basis"], a.LawfulBasis is { } basis ? l["basis:" + basis].Value : string.Empty),
        (l["Basis explained"], a.LawfulBasisExplanation ?? string.Empty),
        (l["Categories of data subjects"], a.DataSubjectCategories ?? string.Empty),
        (l["Categories of personal data"], a.PersonalDataCategories ?? string.Empty),
        (l["Special categories (art. 9)"], a.SpecialCategories ?? string.Empty),
        (l["Criminal data (art. 10)"], a.CriminalData ? l["Yes"] : l["No"]),
        (l["Recipients"], a.Recipients ?? string.Empty),
        (l["Transfers outside the EEA"], a.ThirdCountryTransfers ?? string.Empty),
        (l["Safeguard"], l["safeguard:" + a.TransferSafeguard]),
        (l["Erasure time limit"], a.RetentionPeriod ?? string.Empty),
        (l["Security measures"], a.SecurityMeasures ?? string.Empty),
        (l["Data in LegalCrm"], string.Join(", ", a.StoredData.Select(c => l["stored:" + c].Value))),
        (l["Remarks"], a.Remarks ?? string.Empty),
        (l["Last changed"], AmsterdamTime.ToLocal(a.UpdatedAt).ToString("d-M-yyyy HH:mm", CultureInfo.CurrentCulture)),
    ];

    public byte[] Csv(IReadOnlyList<ProcessingActivity> activities)
    {
        var text = new System.Text.StringBuilder();
        var header = Fields(new ProcessingActivity()).Select(f => f.Label);
        text.Append(Shared.Csv.Line(header)).Append("\r\n");
        foreach (var activity in activities)
        {
            text.Append(Shared.Csv.Line(Fields(activity).Select(f => f.Value))).Append("\r\n");
        }

        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] Xlsx(IReadOnlyList<ProcessingActivity> activities)
    {
        var rows = activities.Select(a =>
        {
            var row = new Dictionary<string, object>();
            foreach (var (label, value) in Fields(a))
            {
                row[label] = value;
            }

            return row;
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(Fields(new ProcessingActivity()).ToDictionary(f => f.Label, _ => (object)string.Empty));
        }

        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: l["Register"].Value);
        return stream.ToArray();
    }

    public byte[] Pdf(Header header, IReadOnlyList<ProcessingActivity> activities)
    {
        var title = l["Register of processing activities"].Value;
        using var pdf = new PdfFlow(title + " · " + header.FirmName, header.FirmName);
        var date = AmsterdamTime.ToLocal(header.ExportedAt).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);
        pdf.Heading(title, 18);
        pdf.Paragraph(l["Article 30(1) of the General Data Protection Regulation (AVG)"]);
        pdf.Space(6);
        pdf.Field(l["Controller"], header.FirmName);
        pdf.Field(l["Contact details"], header.Details?.ControllerContact);
        pdf.Field(l["Representative"], header.Details?.Representative);
        pdf.Field(l["Data protection officer"], JoinNonEmpty(header.Details?.ProtectionOfficerName, header.Details?.ProtectionOfficerContact));
        pdf.Field(l["Date"], date);
        pdf.Field(l["Version"], header.Version.ToString(CultureInfo.CurrentCulture));
        pdf.Field(l["Activities"], activities.Count.ToString(CultureInfo.CurrentCulture));
        if (activities.Count == 0)
        {
            pdf.Space(8);
            pdf.Paragraph(l["The register holds no processing activities yet."]);
        }

        foreach (var activity in activities)
        {
            pdf.Rule();
            pdf.Heading(activity.Name, 12.5);
            foreach (var (label, value) in Fields(activity).Skip(1))
            {
                pdf.Field(label, value);
            }

            if (RegisterCompleteness.Gaps(activity) is { Count: > 0 } gaps)
            {
                pdf.Space(3);
                pdf.Paragraph(l["Still to be completed: {0}", string.Join("; ", gaps.Select(g => l[g].Value))], small: true);
            }
        }

        using var output = new MemoryStream();
        pdf.Save(output, $"{header.FirmName} · {title} · {l["version {0}", header.Version]} · {date}", l["page {0} of {1}"]);
        return output.ToArray();
    }

    private static string JoinNonEmpty(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
