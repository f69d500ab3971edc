using Hangfire;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Clients;

/// <summary>
/// One import: map the columns, see the dry run (what will be created, updated or rejected, and why), then run it —
/// at once for a small file, as a background job with progress for a large one — and download the rejected rows.
/// </summary>
[RequirePermission(Permissions.ClientsImport)]
public sealed class ImportReviewModel(
    CrmDbContext db,
    ContactImportPlanner planner,
    ContactImportJob job,
    IBackgroundJobClient jobs,
    TenantContext tenant,
    AuditEvents audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The dry run lists this many rows; the counts and the rejected-rows file cover all of them.</summary>
    public const int ShownRows = 200;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<ImportField> Mapping { get; set; } = [];

    public ContactImport Import { get; private set; } = null!;

    /// <summary>The first values of each column, to recognise what it holds.</summary>
    public IReadOnlyList<string> Samples { get; private set; } = [];

    public ImportPlan? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Mapping = Import.Mapping;
        return Page();
    }

    /// <summary>A post without a handler (an old form, a replayed request) just shows the import again.</summary>
    public IActionResult OnPost() => RedirectToPage(new { id = Id });

    /// <summary>The dry run: saves the mapping and shows what the import would do, without saving any contact.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Import.Status != ImportStatus.Uploaded)
        {
            return RedirectToPage(new { id = Id });
        }

        if (!CheckMapping())
        {
            return Page();
        }

        var tracked = await db.ContactImports.SingleAsync(i => i.Id == Id, ct);
        tracked.Mapping = Mapping;
        await db.SaveChangesAsync(ct);
        Import = tracked;
        Plan = await planner.PlanAsync(Import, ImportFileReader.Read(Import.Content!, Import.FileName), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var import = await db.ContactImports.SingleOrDefaultAsync(i => i.Id == Id, ct);
        if (import is null)
        {
            return NotFound();
        }

        if (import.Status != ImportStatus.Uploaded)
        {
            return RedirectToPage(new { id = Id });
        }

        import.Status = ImportStatus.Queued;
        await db.SaveChangesAsync(ct);
        if (import.TotalRows <= ContactImportJob.InlineRows)
        {
            // Not the request's token: a closed browser tab must not leave an import half-way.
            await job.RunAsync(tenant.RequiredTenantId, import.Id, CancellationToken.None);
        }
        else
        {
            jobs.Enqueue<ContactImportJob>(j => j.RunAsync(tenant.RequiredTenantId, import.Id, CancellationToken.None));
        }

        return RedirectToPage(new { id = Id });
    }

    /// <summary>Throws away an upload that has not been imported, with the personal data in it.</summary>
    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        var import = await db.ContactImports.SingleOrDefaultAsync(i => i.Id == Id, ct);
        if (import is null)
        {
            return NotFound();
        }

        if (import.Status is ImportStatus.Queued or ImportStatus.Running)
        {
            return RedirectToPage(new { id = Id });
        }

        db.ContactImports.Remove(import);
        audit.Add(AuditActions.Delete, nameof(ContactImport), import.Id.ToString(), new { import.FileName, import.Status });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["The import of {0} has been removed.", import.FileName].Value;
        return Redirect("/Clients/Import");
    }

    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct)
    {
        var progress = await db.ContactImports.AsNoTracking().Where(i => i.Id == Id)
            .Select(i => new { status = i.Status.ToString(), processed = i.ProcessedRows, total = i.TotalRows })
            .SingleOrDefaultAsync(ct);
        return progress is null ? NotFound() : new JsonResult(progress);
    }

    /// <summary>The rejected rows in the file's own columns plus the reason, to correct and import again.</summary>
    public async Task<IActionResult> OnGetRejectedAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        IEnumerable<RejectedRowsFile.Row> rows;
        if (Import.Status == ImportStatus.Uploaded)
        {
            var plan = await planner.PlanAsync(Import, ImportFileReader.Read(Import.Content!, Import.FileName), ct);
            rows = RejectedRowsFile.From(plan.Rows.Where(r => r.Action == ImportAction.Reject));
        }
        else
        {
            rows = RejectedRowsFile.Deserialize(Import.RejectedRows);
        }

        var csv = RejectedRowsFile.ToCsv(Import.Headers, rows, l["Line"], l["Reason"], Reason);
        return File(csv, "text/csv; charset=utf-8", $"{Path.GetFileNameWithoutExtension(Import.FileName)}-{l["file:rejected"]}.csv");
    }

    public string Reason(RejectedRowsFile.Row row) => string.Join("; ", row.Problems.Select(Describe));

    public string Reason(PlannedRow row) => string.Join("; ", row.Problems.Select(p => Describe(new RejectedRowsFile.Problem(p.Field, p.Message, ContactImportPlanner.ArgumentsAsText(p)))));

    private string Describe(RejectedRowsFile.Problem problem)
    {
        var message = l[problem.Message, problem.Arguments.Cast<object>().ToArray()].Value;
        if (problem.Field == ImportField.Ignore)
        {
            return message;
        }

        var column = Import.Mapping.IndexOf(problem.Field) is var i and >= 0 && i < Import.Headers.Count ? Import.Headers[i] : l["import:" + problem.Field].Value;
        return $"{column}: {message}";
    }

    private bool CheckMapping()
    {
        if (Mapping.Count != Import.Headers.Count)
        {
            ModelState.AddModelError(string.Empty, l["Choose a field for every column."]);
            return false;
        }

        foreach (var twice in Mapping.Where(f => f != ImportField.Ignore).GroupBy(f => f).Where(g => g.Count() > 1))
        {
            ModelState.AddModelError(string.Empty, l["Two columns are mapped to {0}; choose one of them.", l["import:" + twice.Key].Value]);
        }

        if (!Mapping.Any(f => f is ImportField.LastName or ImportField.Organisation or ImportField.Email or ImportField.Kvk))
        {
            ModelState.AddModelError(string.Empty, l["Map at least a column with the last name, the organisation's name, the e-mail address or the KvK number."]);
        }

        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var import = await db.ContactImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == Id, ct);
        if (import is null)
        {
            return false;
        }

        Import = import;
        if (import.Status == ImportStatus.Uploaded && import.Content is not null)
        {
            var table = ImportFileReader.Read(import.Content, import.FileName);
            Samples = Enumerable.Range(0, table.Headers.Count)
                .Select(c => string.Join(" · ", table.Rows.Take(3).Select(r => c < r.Cells.Count ? r.Cells[c] : string.Empty).Where(v => v.Length > 0).Select(v => v.Length > 40 ? v[..40] + "…" : v)))
                .ToList();
        }

        return true;
    }
}
