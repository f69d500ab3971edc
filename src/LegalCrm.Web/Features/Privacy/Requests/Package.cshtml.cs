using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Requests;

/// <summary>
/// The access or portability package of a request (art. 15 and 20 AVG): the officer sees every item the firm holds
/// about the person, what is withheld by default and why (another client's confidence, internal notes — art. 15(4)
/// and art. 10a Advocatenwet), withholds or releases items with a reason, and downloads the ZIP (JSON and PDF).
/// </summary>
[RequirePermission(Permissions.PrivacyRequests)]
public sealed class PackageModel(CrmDbContext db, AccessPackage package, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DataSubjectRequest DataRequest { get; private set; } = null!;

    public string? Refusal { get; private set; }

    public IReadOnlyList<(string Section, IReadOnlyList<AccessPackage.Decided> Items)> Sections { get; private set; } = [];

    public int WithheldCount => Sections.Sum(s => s.Items.Count(i => i.WithheldBecause is not null));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Refusal is null)
        {
            var items = new List<AccessPackage.Decided>();
            await foreach (var item in package.ItemsAsync(Id, DataRequest.ContactId!.Value, ct))
            {
                items.Add(item);
            }

            Sections = items.GroupBy(i => i.Item.Section).OrderBy(g => PersonalDataSections.Order(g.Key))
                .Select(g => (g.Key, (IReadOnlyList<AccessPackage.Decided>)g.ToList())).ToList();
        }

        return Page();
    }

    /// <summary>Withholds the ticked items (a reason is required) or includes them again.</summary>
    public async Task<IActionResult> OnPostDecideAsync(bool withhold, string[] keys, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Refusal is not null)
        {
            TempData["Error"] = Refusal;
            return RedirectToPage();
        }

        var cleanReason = PrivacyForms.Clean(reason);
        if (keys.Length == 0 || (withhold && (cleanReason is null || cleanReason.Length > ProcessingRegisterLimits.ShortText)))
        {
            TempData["Error"] = keys.Length == 0
                ? l["Tick the items first."].Value
                : l["Give the reason for withholding (at most {0} characters): the person is told what was left out and why.", ProcessingRegisterLimits.ShortText].Value;
            return RedirectToPage();
        }

        var existing = await db.AccessWithholdings.Where(w => w.RequestId == Id && keys.Contains(w.ItemKey)).ToDictionaryAsync(w => w.ItemKey, ct);
        var now = clock.GetUtcNow();
        foreach (var key in keys.Distinct().Where(k => k.Length <= 100))
        {
            if (!existing.TryGetValue(key, out var decision))
            {
                decision = new AccessWithholding { RequestId = Id, ItemKey = key };
                db.AccessWithholdings.Add(decision);
            }

            decision.Withheld = withhold;
            decision.Reason = withhold ? cleanReason : null;
            decision.DecidedBy = me.DisplayName ?? string.Empty;
            decision.DecidedAt = now;
        }

        await db.SaveChangesAsync(ct);
        TempData["Status"] = (withhold ? l["{0} items will be withheld.", keys.Length] : l["{0} items will be included.", keys.Length]).Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Refusal is not null)
        {
            TempData["Error"] = Refusal;
            return RedirectToPage();
        }

        // Written to a temporary file that goes away when the response is sent: the package is not held in memory.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await package.WriteAsync(DataRequest, file, ct);
        file.Position = 0;
        var name = new string(DataRequest.PersonName.Where(char.IsLetterOrDigit).ToArray());
        return File(file, "application/zip", $"gegevens-{(name.Length == 0 ? "betrokkene" : name)}-{DataRequest.ReceivedOn:yyyyMMdd}.zip");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.DataSubjectRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, ct) is not { } request)
        {
            return false;
        }

        DataRequest = request;
        Refusal = RequestExecution.Refusal(request, RequestExecution.PackageKinds) is { } refusal ? l[refusal].Value : null;
        return true;
    }
}
