using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Workflows;

/// <summary>One template: its name, the dossier type it serves and whether it is in use; its steps, added and removed one by one.</summary>
[RequirePermission(Permissions.WorkflowConfigure)]
public sealed class EditModel(CrmDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    [BindProperty]
    public StepInput Step { get; set; } = new();

    public IReadOnlyList<WorkflowStep> Steps { get; private set; } = [];

    public IReadOnlyList<DeadlineRule> Rules { get; private set; } = [];

    public IReadOnlyList<string> KnownTypes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            if (await db.WorkflowTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id) is not { } template)
            {
                return NotFound();
            }

            Input = new TemplateInput { Name = template.Name, DossierType = template.DossierType, IsActive = template.IsActive };
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>Saves the name, type and status (and makes a new template).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        ValidateOnly(Input, nameof(Input));

        var name = Input.Name.Trim();
        if (await db.WorkflowTemplates.AnyAsync(t => t.Name == name && t.Id != Id))
        {
            ModelState.AddModelError("Input.Name", l["A template with this name already exists."]);
        }

        WorkflowTemplate? template = null;
        if (Id is { } id && (template = await db.WorkflowTemplates.SingleOrDefaultAsync(t => t.Id == id)) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        template ??= db.WorkflowTemplates.Add(new WorkflowTemplate()).Entity;
        template.Name = name;
        template.DossierType = Input.DossierType.Trim();
        template.IsActive = Input.IsActive;
        await db.SaveChangesAsync();
        TempData["Status"] = l["The template has been saved."].Value;
        return Redirect($"/Workflows/Edit/{template.Id}");
    }

    public async Task<IActionResult> OnPostAddStepAsync()
    {
        ValidateOnly(Step, nameof(Step));

        if (Id is not { } id || await db.WorkflowTemplates.SingleOrDefaultAsync(t => t.Id == id) is not { } template)
        {
            return NotFound();
        }

        var step = new WorkflowStep
        {
            TemplateId = id,
            Kind = Step.Kind,
            Title = Step.Title?.Trim() ?? string.Empty,
            Trigger = Step.Trigger,
            DateLabel = Step.Trigger == WorkflowTrigger.DateEntered ? Step.DateLabel?.Trim() : null,
            OffsetDays = Step.OffsetDays,
            RuleId = Step.Kind == WorkflowStepKind.Deadline ? Step.RuleId : null,
            DeadlineKind = Step.DeadlineKind,
            Priority = Step.Priority,
            Assignee = Step.Assignee,
        };
        if (step.RuleId is { } ruleId && !await db.DeadlineRules.AnyAsync(r => r.Id == ruleId))
        {
            ModelState.AddModelError("Step.RuleId", l["Choose a rule from the list."]);
        }

        if (WorkflowPlan.Problem(step) is { } problem)
        {
            ModelState.AddModelError(string.Empty, l[problem]);
        }

        if (!ModelState.IsValid)
        {
            Input = new TemplateInput { Name = template.Name, DossierType = template.DossierType, IsActive = template.IsActive };
            await LoadAsync();
            return Page();
        }

        step.Position = (await db.WorkflowSteps.Where(s => s.TemplateId == id).MaxAsync(s => (int?)s.Position) ?? 0) + 1;
        db.WorkflowSteps.Add(step);
        await db.SaveChangesAsync();
        TempData["Status"] = l["The step has been added."].Value;
        return Redirect($"/Workflows/Edit/{id}");
    }

    public async Task<IActionResult> OnPostRemoveStepAsync(Guid stepId)
    {
        if (await db.WorkflowSteps.SingleOrDefaultAsync(s => s.Id == stepId && s.TemplateId == Id) is not { } step)
        {
            return NotFound();
        }

        db.WorkflowSteps.Remove(step);
        await db.SaveChangesAsync();
        TempData["Status"] = l["The step has been removed. Deadlines and tasks it made earlier stay."].Value;
        return Redirect($"/Workflows/Edit/{Id}");
    }

    /// <summary>
    /// The page has two forms: the one posted is validated, the other's fields are absent (and the binder, finding no
    /// prefixed values, reports them under bare names).
    /// </summary>
    private void ValidateOnly(object posted, string prefix)
    {
        ModelState.Clear();
        TryValidateModel(posted, prefix);
    }

    private async Task LoadAsync()
    {
        Rules = await db.DeadlineRules.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Name).ToListAsync();
        KnownTypes = (await db.Dossiers.AsNoTracking().Where(d => d.DossierType != null).Select(d => d.DossierType!).Distinct().OrderBy(t => t).Take(100).ToListAsync())
            .Concat(await db.WorkflowTemplates.AsNoTracking().Select(t => t.DossierType).ToListAsync())
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture).ToList();
        Steps = Id is { } id ? await db.WorkflowSteps.AsNoTracking().Where(s => s.TemplateId == id).OrderBy(s => s.Position).ToListAsync() : [];
    }

    public string RuleName(Guid? ruleId) => Rules.FirstOrDefault(r => r.Id == ruleId)?.Name ?? string.Empty;

    public sealed class TemplateInput
    {
        [Required(ErrorMessage = "Enter a name.")]
        [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the dossier type.")]
        [StringLength(100, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Dossier type")]
        public string DossierType { get; set; } = string.Empty;

        [Display(Name = "In use")]
        public bool IsActive { get; set; } = true;
    }

    public sealed class StepInput
    {
        public WorkflowStepKind Kind { get; set; } = WorkflowStepKind.Task;

        [StringLength(300, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Title")]
        public string? Title { get; set; }

        public WorkflowTrigger Trigger { get; set; }

        [StringLength(100, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Name of the date")]
        public string? DateLabel { get; set; }

        public int OffsetDays { get; set; }

        public Guid? RuleId { get; set; }

        public DeadlineKind DeadlineKind { get; set; } = DeadlineKind.Internal;

        public WorkTaskPriority Priority { get; set; } = WorkTaskPriority.Normal;

        public WorkflowAssignee Assignee { get; set; }
    }
}
