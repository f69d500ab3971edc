using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Infrastructure.Pdf;
using LegalCrm.Web.Infrastructure.Time;
using LegalCrm.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy;

/// <summary>
/// The officer's decision about one item of an access package: withheld (with the reason, art. 15(4) AVG and the duty
/// of confidentiality) or included although the system would withhold it by default.
/// </summary>
public sealed class AccessWithholding : ITenantOwned, IAuditSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid RequestId { get; set; }

    public string ItemKey { get; set; } = string.Empty;

    public bool Withheld { get; set; }

    public string? Reason { get; set; }

    public string DecidedBy { get; set; } = string.Empty;

    public DateTimeOffset DecidedAt { get; set; }

    public AuditSubject AuditSubject => new(nameof(DataSubjectRequest), RequestId);
}

/// <summary>
/// Builds the package a person receives on an access or portability request (art. 15 and 20 AVG): everything every
/// feature holds about them (<see cref="IPersonalDataSource"/>), less what the officer withholds, as a ZIP with the
/// data as JSON (structured and machine-readable, art. 20(1)) and a PDF that a person can read, which also gives the
/// information of art. 15(1): purposes, categories, recipients, retention, rights, the complaint to the AP and the
/// source. Items stream from the sources into the JSON; the ZIP is written to a temporary file, not held in memory.
/// </summary>
public sealed class AccessPackage(CrmDbContext db, IEnumerable<IPersonalDataSource> sources, AuditEvents audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const string JsonFormat = "legalcrm-access-package/1";

    /// <summary>An item with the decision that applies to it: withheld with a reason, or not.</summary>
    public sealed record Decided(PersonalDataItem Item, string? WithheldBecause, bool ChangedByOfficer);

    public sealed record Summary(int Included, int Withheld, string Sha256);

    /// <summary>Every item about the contact, with the decision in force (the officer's, else the default).</summary>
    public async IAsyncEnumerable<Decided> ItemsAsync(Guid requestId, Guid contactId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var decisions = await db.AccessWithholdings.AsNoTracking().Where(w => w.RequestId == requestId).ToDictionaryAsync(w => w.ItemKey, ct);
        foreach (var source in sources)
        {
            await foreach (var item in source.CollectAsync(contactId, ct))
            {
                if (decisions.TryGetValue(item.Key, out var decision))
                {
                    yield return new Decided(item, decision.Withheld ? decision.Reason ?? string.Empty : null, true);
                }
                else
                {
                    yield return new Decided(item, item.WithheldByDefault is { } reason ? l[reason].Value : null, false);
                }
            }
        }
    }

    /// <summary>Writes the ZIP to <paramref name="output"/> and records the export in the audit trail.</summary>
    public async Task<Summary> WriteAsync(DataSubjectRequest request, Stream output, CancellationToken ct)
    {
        var contactId = request.ContactId ?? throw new InvalidOperationException("The request has no contact.");
        var firm = await db.Firms.AsNoTracking().Select(f => f.Name).SingleAsync(ct);
        var source = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => c.DataSource).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var withheld = new List<(string Section, string Key, string Summary, string Reason)>();
        var included = 0;
        var presentSections = new List<string>();

        using var pdf = new PdfFlow(l["Your personal data at {0}", firm].Value, firm);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var jsonEntry = await zip.CreateEntry("gegevens.json", CompressionLevel.Optimal).OpenAsync(ct))
            await using (var json = new Utf8JsonWriter(jsonEntry, new JsonWriterOptions
            {
                Indented = true,
                // A file of its own, never embedded in HTML: "é" and "+31…" stay readable instead of \u-escaped.
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }))
            {
                json.WriteStartObject();
                json.WriteString("format", JsonFormat);
                json.WriteString("controller", firm);
                json.WriteString("generatedAt", now);
                json.WriteString("person", request.PersonName);
                json.WriteStartObject("request");
                json.WriteString("kind", request.Kind.ToString());
                json.WriteString("receivedOn", request.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteEndObject();
                json.WriteStartArray("sections");
                WriteIntroduction(pdf, firm, request, now);
                string? section = null;
                await foreach (var (item, reason, _) in ItemsAsync(request.Id, contactId, ct))
                {
                    if (reason is not null)
                    {
                        withheld.Add((item.Section, item.Key, item.Summary, reason));
                        continue;
                    }

                    if (item.Section != section)
                    {
                        if (section is not null)
                        {
                            json.WriteEndArray();
                            json.WriteEndObject();
                        }

                        section = item.Section;
                        presentSections.Add(section);
                        json.WriteStartObject();
                        json.WriteString("section", section);
                        json.WriteStartArray("items");
                        pdf.Rule();
                        pdf.Heading(l[SectionTitle(section)], 13);
                    }

                    WriteJson(json, item);
                    WritePdf(pdf, item);
                    included++;
                    if (json.BytesPending > 64 * 1024)
                    {
                        await json.FlushAsync(ct);
                    }
                }

                if (section is not null)
                {
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("withheld");
                foreach (var w in withheld)
                {
                    json.WriteStartObject();
                    json.WriteString("section", w.Section);
                    json.WriteString("reason", w.Reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            await WriteInformationAsync(pdf, presentSections, withheld, source, ct);
            var date = AmsterdamTime.ToLocal(now).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
            // PDFsharp seeks while it writes; a ZIP entry cannot, so the PDF (held by PDFsharp anyway) goes through memory.
            using var pdfBytes = new MemoryStream();
            pdf.Save(pdfBytes, $"{firm} · {request.PersonName} · {date}", l["page {0} of {1}"]);
            pdfBytes.Position = 0;
            await using var pdfEntry = await zip.CreateEntry("overzicht.pdf", CompressionLevel.Optimal).OpenAsync(ct);
            await pdfBytes.CopyToAsync(pdfEntry, ct);
        }

        await output.FlushAsync(ct);
        var sha = output.CanSeek ? await HashAsync(output, ct) : string.Empty;
        audit.Add(AuditActions.Export, nameof(DataSubjectRequest), request.Id.ToString(),
            new { package = "access", included, withheld = withheld.Count, withheldBySection = withheld.GroupBy(w => w.Section).ToDictionary(g => g.Key, g => g.Count()), sha256 = sha },
            request.AuditSubject);
        await db.SaveChangesAsync(ct);
        return new Summary(included, withheld.Count, sha);
    }

    public static string SectionTitle(string section) =>
        PersonalDataSections.All.FirstOrDefault(s => s.Key == section).Title ?? section;

    private void WriteIntroduction(PdfFlow pdf, string firm, DataSubjectRequest request, DateTimeOffset now)
    {
        pdf.Heading(l["Your personal data at {0}", firm], 18);
        pdf.Field(l["For"], request.PersonName);
        pdf.Field(l["Your request of"], request.ReceivedOn.ToString("d MMMM yyyy", CultureInfo.CurrentCulture));
        pdf.Field(l["Compiled on"], AmsterdamTime.ToLocal(now).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture));
        pdf.Space(4);
        pdf.Paragraph(l["This overview contains the personal data our firm processes about you (art. 15 AVG). The same data is in the file gegevens.json, in a structured, machine-readable form you may pass on to another organisation (art. 20 AVG). At the end you find what we do with it and what your rights are."]);
    }

    private static void WriteJson(Utf8JsonWriter json, PersonalDataItem item)
    {
        json.WriteStartObject();
        json.WriteString("id", item.Key);
        foreach (var field in item.Fields)
        {
            switch (field.Value)
            {
                case null:
                    json.WriteNull(field.Name);
                    break;
                case DateTimeOffset moment:
                    json.WriteString(field.Name, moment);
                    break;
                case DateOnly day:
                    json.WriteString(field.Name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case int number:
                    json.WriteNumber(field.Name, number);
                    break;
                case bool flag:
                    json.WriteBoolean(field.Name, flag);
                    break;
                case IEnumerable<string> lines:
                    json.WriteStartArray(field.Name);
                    foreach (var line in lines)
                    {
                        json.WriteStringValue(line);
                    }

                    json.WriteEndArray();
                    break;
                default:
                    json.WriteString(field.Name, field.Text);
                    break;
            }
        }

        json.WriteEndObject();
    }

    private void WritePdf(PdfFlow pdf, PersonalDataItem item)
    {
        pdf.Space(4);
        pdf.Paragraph(item.Summary, bold: true);
        foreach (var field in item.Fields.Where(f => f.Text.Length > 0))
        {
            pdf.Field(l[field.Label], field.Text);
        }
    }

    /// <summary>The information of art. 15(1)(a)–(h), from the register of processing activities.</summary>
    private async Task WriteInformationAsync(PdfFlow pdf, List<string> sections, List<(string Section, string Key, string Summary, string Reason)> withheld, string? source, CancellationToken ct)
    {
        var categories = sections.SelectMany(StoredCategories).Distinct().ToList();
        var activities = (await db.ProcessingActivities.AsNoTracking().Where(a => a.Status == ActivityStatus.Active).OrderBy(a => a.Name).ToListAsync(ct))
            .Where(a => a.StoredData.Any(categories.Contains)).ToList();
        pdf.Rule();
        pdf.Heading(l["What we do with your data"], 14);
        if (activities.Count == 0)
        {
            pdf.Paragraph(l["Ask us for the purposes of the processing; our register did not link them to this data."]);
        }

        foreach (var a in activities)
        {
            pdf.Space(4);
            pdf.Paragraph(a.Name, bold: true);
            pdf.Field(l["Purposes"], a.Purposes);
            pdf.Field(l["Lawful basis"], a.LawfulBasis is { } basis ? l["basis:" + basis].Value : null);
            pdf.Field(l["Recipients"], a.Recipients);
            pdf.Field(l["Transfers outside the EEA"], a.ThirdCountryTransfers);
            pdf.Field(l["How long we keep it"], a.RetentionPeriod);
        }

        pdf.Space(6);
        pdf.Field(l["Categories of data"], string.Join(", ", sections.Select(s => l[SectionTitle(s)].Value)));
        pdf.Field(l["Where the data came from"], source ?? l["From you, or from the dossiers and correspondence in which you take part."].Value);
        pdf.Field(l["Automated decisions"], l["We take no decisions about you by automated means alone (art. 22 AVG)."]);
        pdf.Space(6);
        pdf.Heading(l["Your rights"], 12.5);
        pdf.Paragraph(l["You may ask us to correct data that is wrong (art. 16), to erase data (art. 17), to restrict its use (art. 18), to receive the data you gave us for another organisation (art. 20) and you may object to its use (art. 21); for direct marketing, an objection always succeeds. Some data we must keep, for example for the tax authorities or to establish, exercise or defend legal claims; we then tell you why."]);
        pdf.Paragraph(l["If you disagree with how we handle your data, you may complain to the Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl)."]);
        if (withheld.Count > 0)
        {
            pdf.Space(6);
            pdf.Heading(l["What this overview leaves out"], 12.5);
            foreach (var group in withheld.GroupBy(w => w.Reason))
            {
                pdf.Field(l["{0} items", group.Count()], group.Key);
            }
        }
    }

    /// <summary>Which categories of the register a section's data falls under (to find the purposes that apply).</summary>
    private static IEnumerable<StoredDataCategory> StoredCategories(string section) => section switch
    {
        PersonalDataSections.Contact => [StoredDataCategory.ContactDetails],
        PersonalDataSections.Relationships => [StoredDataCategory.Relationships],
        PersonalDataSections.Consents => [StoredDataCategory.MarketingConsents],
        PersonalDataSections.Dossiers => [StoredDataCategory.DossiersAndParties],
        PersonalDataSections.Documents => [StoredDataCategory.Documents],
        PersonalDataSections.Communications => [StoredDataCategory.Communications],
        PersonalDataSections.Tasks => [StoredDataCategory.DeadlinesAndTasks],
        PersonalDataSections.Reads => [StoredDataCategory.AuditTrail],
        _ => [],
    };

    private static async Task<string> HashAsync(Stream stream, CancellationToken ct)
    {
        stream.Position = 0;
        var hash = await System.Security.Cryptography.SHA256.HashDataAsync(stream, ct);
        stream.Position = 0;
        return Convert.ToHexStringLower(hash);
    }
}
