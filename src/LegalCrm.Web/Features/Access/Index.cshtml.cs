using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LegalCrm.Web.Features.Access;

/// <summary>
/// Administration: one entry in the main menu for everything an administrator (or the privacy officer, for the audit
/// trail) manages, each section shown to whoever holds its permission.
/// </summary>
[AnySignedInUser]
public sealed class IndexModel(CurrentUser me) : PageModel
{
    public sealed record Section(string Permission, string Href, string Title, string Description, string TestId);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new(Permissions.AdminUsers, "/Access/Users", "Users", "Invite colleagues, assign roles, block accounts and offboard leavers.", "nav-users"),
        new(Permissions.AdminUsers, "/Access/Teams", "Teams", "Groups of colleagues that work on dossiers together.", "nav-teams"),
        new(Permissions.AdminRoles, "/Access/Roles", "Roles", "Which permissions each role gives.", "nav-roles"),
        new(Permissions.AdminReview, "/Access/Review", "Access review", "Every quarter: who may do and see what, exported and recorded.", "nav-review"),
        new(Permissions.AdminAudit, "/Audit", "Audit trail", "Every change, sign-in and view of client data.", "nav-audit"),
        new(Permissions.AdminAuditVerify, "/Audit/Chain", "Audit chain", "Check that nobody changed or removed audit rows afterwards.", "nav-audit-chain"),
        new(Permissions.AdminBackup, "/Backups", "Backups", "Whether the backups succeed, and making one now.", "nav-backups"),
        new(Permissions.AdminSettings, "/Access/Settings", "Firm settings", "Name, two-factor requirement, dossier numbers, practice areas.", "nav-settings"),
        new(Permissions.AdminJobs, "/admin/jobs", "Jobs", "The background jobs: reminders, e-mail, sweeps.", "nav-jobs"),
    ];

    /// <summary>The path prefixes that count as "in administration" for the menu.</summary>
    public static readonly IReadOnlyList<string> Paths = ["/Access", "/Audit", "/Backups"];

    public IReadOnlyList<Section> Visible { get; private set; } = [];

    public static bool IsAdministrator(CurrentUser user) => Sections.Any(s => user.Has(s.Permission));

    public IActionResult OnGet()
    {
        Visible = [.. Sections.Where(s => me.Has(s.Permission))];
        return Visible.Count == 0 ? Forbid() : Page();
    }
}
