namespace LegalCrm.Web.Features.Access;

/// <summary>The roles every new firm starts with. Firms may change them later; the key stays to recognise them.</summary>
public static class BuiltInRoles
{
    public const string Admin = "admin";
    public const string Lawyer = "lawyer";
    public const string Assistant = "assistant";
    public const string PrivacyOfficer = "privacy-officer";
    public const string ReadOnly = "read-only";

    public static readonly IReadOnlyList<BuiltInRole> All =
    [
        new(Admin, "Beheerder", "Manages users, roles and the firm's settings.",
        [
            Permissions.ClientsRead, Permissions.ClientsWrite, Permissions.ClientsExport, Permissions.ClientsMerge, Permissions.ClientsImport,
            Permissions.DossiersRead, Permissions.DossiersWrite, Permissions.DossiersReadAll, Permissions.DossiersClose, Permissions.ConflictsWaive,
            Permissions.DocumentsWrite, Permissions.AccessWalls, Permissions.CommunicationsRead, Permissions.CommunicationsWrite, Permissions.CommunicationsManage,
            Permissions.MailboxConfigure, Permissions.DeadlinesRead, Permissions.DeadlinesWrite, Permissions.DeadlinesFatalManage, Permissions.TasksRead,
            Permissions.TasksWrite, Permissions.WorkflowConfigure, Permissions.HolidaysConfigure, Permissions.PrivacyBreaches, Permissions.AdminUsers, Permissions.AdminRoles, Permissions.AdminReview, Permissions.AdminBackup, Permissions.AdminSettings, Permissions.AdminAudit, Permissions.AdminAuditVerify, Permissions.AdminJobs,
        ]),
        new(Lawyer, "Advocaat", "Works on clients and dossiers.",
            [Permissions.ClientsRead, Permissions.ClientsWrite, Permissions.DossiersRead, Permissions.DossiersWrite, Permissions.DossiersClose, Permissions.DocumentsWrite,
             Permissions.CommunicationsRead, Permissions.CommunicationsWrite, Permissions.DeadlinesRead, Permissions.DeadlinesWrite, Permissions.DeadlinesFatalManage,
             Permissions.TasksRead, Permissions.TasksWrite]),
        new(Assistant, "Secretariaat", "Supports lawyers with clients, dossiers and agendas.",
        [
            Permissions.ClientsRead, Permissions.ClientsWrite, Permissions.ClientsExport, Permissions.ClientsMerge, Permissions.ClientsImport,
            Permissions.DossiersRead, Permissions.DossiersWrite, Permissions.DocumentsWrite, Permissions.CommunicationsRead, Permissions.CommunicationsWrite,
            Permissions.DeadlinesRead, Permissions.DeadlinesWrite, Permissions.TasksRead, Permissions.TasksWrite,
        ]),
        new(PrivacyOfficer, "Privacyfunctionaris", "Keeps the privacy register and oversees access to personal data.",
            [Permissions.ClientsRead, Permissions.PrivacyRegister, Permissions.PrivacyRegisterExport, Permissions.PrivacyRequests, Permissions.PrivacyErasureExecute, Permissions.PrivacyRetention, Permissions.PrivacyBreaches, Permissions.AdminAudit, Permissions.AdminAuditVerify]),
        new(ReadOnly, "Alleen-lezen", "May look, not change.",
            [Permissions.ClientsRead, Permissions.DossiersRead, Permissions.CommunicationsRead, Permissions.DeadlinesRead, Permissions.TasksRead]),
    ];

    public static BuiltInRole Get(string key) => All.Single(r => r.Key == key);
}

public sealed record BuiltInRole(string Key, string Name, string Description, IReadOnlyList<string> Permissions);
