using System.Globalization;
using System.Text.Json;
using LegalCrm.Web.Data;
using LegalCrm.Web.Infrastructure.Localization;
using LegalCrm.Web.Infrastructure.Pdf;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// The letter that answers a data-subject request, in Dutch whatever the officer's language: what was asked and when,
/// what the firm did (per right, with the article), the recorded answer, what an erasure had to keep and why, and the
/// right to complain to the Autoriteit Persoonsgegevens or go to court (art. 12(4) AVG).
/// </summary>
public sealed class RequestLetters(CrmDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<byte[]> PdfAsync(DataSubjectRequest request, string signedBy, CancellationToken ct)
    {
        var firm = await db.Firms.AsNoTracking().Select(f => f.Name).SingleAsync(ct);
        var details = await db.RegisterDetails.AsNoTracking().SingleOrDefaultAsync(ct);
        var greeting = request.ContactId is { } contact
            ? await db.Contacts.Where(c => c.Id == contact).Select(c => c.LetterGreeting).SingleOrDefaultAsync(ct)
            : null;
        var kept = await KeptAsync(request, ct);

        using var dutch = new RecipientCulture("nl-NL");
        var culture = CultureInfo.CurrentCulture;
        var title = l["Your request of {0}", request.ReceivedOn.ToString("d MMMM yyyy", culture)].Value;
        using var pdf = new PdfFlow(title, firm);
        pdf.Paragraph(firm, bold: true);
        if (!string.IsNullOrWhiteSpace(details?.ControllerContact))
        {
            pdf.Paragraph(details.ControllerContact, small: true);
        }

        pdf.Space(18);
        pdf.Paragraph(request.PersonName);
        if (!string.IsNullOrWhiteSpace(request.PersonDetails))
        {
            pdf.Paragraph(request.PersonDetails);
        }

        pdf.Space(14);
        pdf.Field(l["Date"], AmsterdamTime.Today(clock).ToString("d MMMM yyyy", culture));
        pdf.Field(l["Subject"], $"{title} ({l["request:" + request.Kind]})");
        pdf.Space(14);
        pdf.Paragraph(string.IsNullOrWhiteSpace(greeting) ? l["Dear Sir or Madam,"] : greeting);
        pdf.Space(6);
        pdf.Paragraph(l["On {0} we received your request ({1}). In this letter we tell you what we have done.", request.ReceivedOn.ToString("d MMMM yyyy", culture), l["request:" + request.Kind]]);
        pdf.Space(6);
        pdf.Paragraph(l["letter:" + request.Kind]);
        if (!string.IsNullOrWhiteSpace(request.Answer))
        {
            pdf.Space(6);
            pdf.Paragraph(request.Answer);
        }

        if (kept.Count > 0)
        {
            pdf.Space(6);
            pdf.Paragraph(l["What we must keep, and why:"]);
            foreach (var (category, reason) in kept)
            {
                pdf.Paragraph($"– {l[category]}: {reason}");
            }
        }

        if (request.ExtensionMonths > 0)
        {
            pdf.Space(6);
            pdf.Paragraph(l["As we told you on {0}, we needed {1} more months to answer: {2}", request.ExtensionToldOn?.ToString("d MMMM yyyy", culture) ?? "—", request.ExtensionMonths, request.ExtensionReason ?? string.Empty]);
        }

        pdf.Space(6);
        pdf.Paragraph(l["If you do not agree with how we handled your request, you may file a complaint with the Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl) or go to court (art. 12(4) AVG)."]);
        pdf.Space(14);
        pdf.Paragraph(l["Yours faithfully,"]);
        pdf.Space(20);
        pdf.Paragraph(signedBy);
        pdf.Paragraph(firm);
        using var output = new MemoryStream();
        pdf.Save(output, $"{firm} · {title}", l["page {0} of {1}"]);
        return output.ToArray();
    }

    /// <summary>For an erasure: what the deletion log says was kept, with the reasons (already in the firm's language).</summary>
    private async Task<List<(string Category, string Reason)>> KeptAsync(DataSubjectRequest request, CancellationToken ct)
    {
        if (request.Kind != RequestKind.Erasure
            || await db.ErasureLog.AsNoTracking().Where(e => e.RequestId == request.Id).OrderByDescending(e => e.ExecutedAt).Select(e => e.Outcome).FirstOrDefaultAsync(ct) is not { } outcome)
        {
            return [];
        }

        using var json = JsonDocument.Parse(outcome);
        return json.RootElement.EnumerateArray()
            .Where(line => line.GetProperty("action").GetString() == nameof(ErasureAction.Keep) && line.GetProperty("reason").GetString() is { Length: > 0 })
            .Select(line => (line.GetProperty("category").GetString()!, line.GetProperty("reason").GetString()!))
            .Distinct().ToList();
    }
}
