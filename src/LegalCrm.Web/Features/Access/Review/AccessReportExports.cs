using System.Globalization;
using System.Text;
using LegalCrm.Web.Infrastructure.Pdf;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access.Review;

/// <summary>The access report as evidence for an auditor: a CSV with one row per account, and a PDF with one block per account.</summary>
public sealed class AccessReportExports(IStringLocalizer<SharedResource> l)
{
    public IReadOnlyList<(string Label, string Value)> Fields(AccessReportRow r) =>
    [
        (l["Name"], r.Name),
        (l["E-mail address"], r.Email),
        (l["Status"], r.Enabled ? (r.Dormant ? l["Active, but dormant (no sign-in for {0} days or more)", AccessReviewSchedule.DormantAfterDays] : l["Active"]) : l["Disabled"]),
        (l["Roles"], string.Join(", ", r.Roles)),
        (l["Teams"], string.Join(", ", r.Teams)),
        (l["Effective permissions"], string.Join(", ", r.Permissions)),
        (l["Dossiers reachable"], r.ReachableDossiers.ToString(CultureInfo.CurrentCulture)),
        (l["Ethical walls keeping them out"], r.Walls.ToString(CultureInfo.CurrentCulture)),
        (l["Last sign-in"], r.LastSignInAt is { } at ? AmsterdamTime.ToLocal(at).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture) : l["never"]),
        (l["Two-factor sign-in"], r.TwoFactor ? l["Yes"] : l["No"]),
    ];

    public byte[] Csv(IReadOnlyList<AccessReportRow> rows)
    {
        var text = new StringBuilder();
        text.Append(Shared.Csv.Line(Fields(Empty).Select(f => f.Label))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(Shared.Csv.Line(Fields(row).Select(f => f.Value))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] Pdf(string firmName, IReadOnlyList<AccessReportRow> rows, AccessReview? lastReview, DateTimeOffset exportedAt)
    {
        var title = l["Access review"].Value;
        var date = AmsterdamTime.ToLocal(exportedAt).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);
        using var pdf = new PdfFlow(title + " · " + firmName, firmName);
        pdf.Heading(title + ": " + firmName, 16);
        pdf.Paragraph(l["Who may do and see what in LegalCrm, per account, as of {0} (AVG art. 5(2) and 32(1)(d)).", date], small: true);
        pdf.Field(l["Accounts"], rows.Count.ToString(CultureInfo.CurrentCulture));
        pdf.Field(l["Dormant accounts"], rows.Count(r => r.Dormant).ToString(CultureInfo.CurrentCulture));
        pdf.Field(l["Last recorded review"], lastReview is null
            ? l["none yet"]
            : l["{0} by {1}", AmsterdamTime.ToLocal(lastReview.ReviewedAt).ToString("d MMMM yyyy", CultureInfo.CurrentCulture), lastReview.ReviewedByName]);
        foreach (var row in rows)
        {
            pdf.Rule();
            pdf.EnsureRoom(120);
            pdf.Heading(row.Name, 12.5);
            foreach (var (label, value) in Fields(row).Skip(1))
            {
                pdf.Field(label, value);
            }
        }

        using var output = new MemoryStream();
        pdf.Save(output, $"{firmName} · {title} · {date}", l["page {0} of {1}"]);
        return output.ToArray();
    }

    private static readonly AccessReportRow Empty = new(Guid.Empty, string.Empty, string.Empty, true, [], [], [], 0, 0, null, false, false);
}
