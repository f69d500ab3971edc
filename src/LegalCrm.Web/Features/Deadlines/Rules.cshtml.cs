using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Deadlines;

/// <summary>
/// The firm's deadline rules: add one ("kort geding hoger beroep, 4 weeks"), change one, or take one out of use.
/// Deadlines already computed keep their own calculation; a changed rule applies to new ones.
/// </summary>
[RequirePermission(Permissions.WorkflowConfigure)]
public sealed class RulesModel(CrmDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The rule being changed, if any (else the form adds one).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<DeadlineRule> Rules { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Edit is { } id)
        {
            if (Rules.FirstOrDefault(r => r.Id == id) is not { } rule)
            {
                return NotFound();
            }

            Input = new InputModel
            {
                Name = rule.Name,
                LegalBasis = rule.LegalBasis,
                EventLabel = rule.EventLabel,
                Amount = rule.Amount,
                Unit = rule.Unit,
                Direction = rule.Direction,
                Start = rule.Start,
                AtwApplies = rule.AtwApplies,
                Kind = rule.Kind,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var rule = Edit is { } id ? await db.DeadlineRules.SingleOrDefaultAsync(r => r.Id == id) : new DeadlineRule();
        if (rule is null)
        {
            return NotFound();
        }

        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError("Input.Name", l["Enter a name of at most 200 characters."]);
        }
        else if (Rules.Any(r => r.Id != rule.Id && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Name", l["The firm already has a rule with this name."]);
        }

        foreach (var (field, text) in new[] { ("LegalBasis", Input.LegalBasis), ("EventLabel", Input.EventLabel) })
        {
            if (text is { Length: > 200 })
            {
                ModelState.AddModelError("Input." + field, l["{0} can be at most {1} characters long.", l[field], 200]);
            }
        }

        var period = new DeadlinePeriod(Input.Amount ?? 0, Input.Unit, Input.Direction, Input.Start, Input.AtwApplies);
        if (period.Refusal() is { } refusal)
        {
            ModelState.AddModelError("Input.Amount", l[refusal]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        rule.Name = name!;
        rule.LegalBasis = string.IsNullOrWhiteSpace(Input.LegalBasis) ? null : Input.LegalBasis.Trim();
        rule.EventLabel = string.IsNullOrWhiteSpace(Input.EventLabel) ? null : Input.EventLabel.Trim();
        (rule.Amount, rule.Unit, rule.Direction, rule.Start, rule.AtwApplies, rule.Kind) = (period.Amount, period.Unit, period.Direction, period.Start, period.AtwApplies, Input.Kind);
        if (Edit is null)
        {
            db.DeadlineRules.Add(rule);
        }

        await db.SaveChangesAsync();
        TempData["Status"] = l["The rule \"{0}\" has been saved.", rule.Name].Value;
        return RedirectToPage(new { Edit = (Guid?)null });
    }

    public async Task<IActionResult> OnPostToggleAsync(Guid ruleId)
    {
        var rule = await db.DeadlineRules.SingleOrDefaultAsync(r => r.Id == ruleId);
        if (rule is null)
        {
            return NotFound();
        }

        rule.IsActive = !rule.IsActive;
        await db.SaveChangesAsync();
        TempData["Status"] = (rule.IsActive ? l["The rule \"{0}\" is in use again.", rule.Name] : l["The rule \"{0}\" is no longer offered.", rule.Name]).Value;
        return RedirectToPage(new { Edit = (Guid?)null });
    }

    private async Task LoadAsync() =>
        Rules = await db.DeadlineRules.AsNoTracking().OrderByDescending(r => r.IsActive).ThenBy(r => r.Name).ToListAsync();

    public sealed class InputModel
    {
        public string? Name { get; set; }

        public string? LegalBasis { get; set; }

        public string? EventLabel { get; set; }

        public int? Amount { get; set; }

        public PeriodUnit Unit { get; set; } = PeriodUnit.Weeks;

        public CountDirection Direction { get; set; }

        public StartConvention Start { get; set; }

        public bool AtwApplies { get; set; } = true;

        public DeadlineKind Kind { get; set; }
    }
}
