namespace LegalCrm.Web.Features.Access;

/// <summary>
/// Every permission the app knows. Roles are sets of these; pages declare one with <see cref="RequirePermissionAttribute"/>.
/// Features add their permissions here as they arrive.
/// </summary>
public static class Permissions
{
    public const string ClientsRead = "clients.read";
    public const string ClientsWrite = "clients.write";
    public const string ClientsExport = "clients.export";
    public const string ClientsMerge = "clients.merge";
    public const string ClientsImport = "clients.import";
    public const string DossiersRead = "dossiers.read";
    public const string DossiersWrite = "dossiers.write";
    public const string DossiersReadAll = "dossiers.read.all";
    public const string DossiersClose = "dossiers.close";
    public const string ConflictsWaive = "conflicts.waive";
    public const string DocumentsWrite = "documents.write";
    public const string AccessWalls = "access.walls";
    public const string CommunicationsRead = "communications.read";
    public const string CommunicationsWrite = "communications.write";
    public const string CommunicationsManage = "communications.manage";
    public const string MailboxConfigure = "mailbox.configure";
    public const string DeadlinesRead = "deadlines.read";
    public const string DeadlinesWrite = "deadlines.write";
    public const string DeadlinesFatalManage = "deadlines.fatal.manage";
    public const string TasksRead = "tasks.read";
    public const string TasksWrite = "tasks.write";
    public const string WorkflowConfigure = "workflow.configure";
    public const string HolidaysConfigure = "holidays.configure";
    public const string PrivacyRegister = "privacy.register";
    public const string PrivacyRegisterExport = "privacy.register.export";
    public const string PrivacyRequests = "privacy.requests";
    public const string PrivacyBreaches = "privacy.breaches";
    public const string PrivacyErasureExecute = "privacy.erasure.execute";
    public const string PrivacyRetention = "privacy.retention";
    public const string AdminUsers = "admin.users";
    public const string AdminRoles = "admin.roles";
    public const string AdminReview = "admin.review";
    public const string AdminBackup = "admin.backup";
    public const string AdminAuditVerify = "admin.audit.verify";
    public const string AdminSettings = "admin.settings";
    public const string AdminAudit = "admin.audit";
    public const string AdminJobs = "admin.jobs";

    /// <summary>The catalogue with a group and a one-line explanation each (English; the UI translates).</summary>
    public static readonly IReadOnlyList<PermissionInfo> All =
    [
        new(ClientsRead, "Clients", "See contacts and clients."),
        new(ClientsWrite, "Clients", "Create and edit contacts and clients."),
        new(ClientsExport, "Clients", "Export contact lists (CSV, vCard)."),
        new(ClientsMerge, "Clients", "Merge duplicate contacts."),
        new(ClientsImport, "Clients", "Import contacts from CSV and vCard files."),
        new(DossiersRead, "Dossiers", "See the dossiers one works on."),
        new(DossiersWrite, "Dossiers", "Create and edit dossiers one works on."),
        new(DossiersReadAll, "Dossiers", "See every dossier of the firm, except behind an ethical wall."),
        new(DossiersClose, "Dossiers", "Close, reopen and archive dossiers one works on."),
        new(ConflictsWaive, "Dossiers", "Approve a waiver when a conflict check finds a conflict."),
        new(DocumentsWrite, "Dossiers", "Upload documents to dossiers one works on."),
        new(AccessWalls, "Dossiers", "Put up and take down ethical walls around dossiers and clients."),
        new(CommunicationsRead, "Communication", "See the calls, e-mails, meetings, letters and notes of the dossiers and contacts one may see."),
        new(CommunicationsWrite, "Communication", "Log calls, e-mails, meetings, letters and notes."),
        new(CommunicationsManage, "Communication", "Change or delete anyone's logged communication, also after the editing window."),
        new(MailboxConfigure, "Communication", "Set up the mailbox from which e-mail is filed into dossiers."),
        new(DeadlinesRead, "Deadlines", "See the deadlines of the dossiers one may see, and compute deadlines."),
        new(DeadlinesWrite, "Deadlines", "Add deadlines to dossiers one works on, mark them done, change internal ones."),
        new(DeadlinesFatalManage, "Deadlines", "Move, cancel or delete a fatal deadline (always with a reason)."),
        new(TasksRead, "Deadlines", "See tasks."),
        new(TasksWrite, "Deadlines", "Create, assign and complete tasks."),
        new(WorkflowConfigure, "Deadlines", "Edit the deadline rules and the workflow templates per dossier type."),
        new(HolidaysConfigure, "Deadlines", "Keep the days a decree makes equal to holidays (Besluit gelijkstelling)."),
        new(PrivacyRegister, "Privacy", "Keep the register of processing activities (art. 30 AVG)."),
        new(PrivacyRegisterExport, "Privacy", "Export the register of processing activities as PDF, CSV or Excel."),
        new(PrivacyRequests, "Privacy", "Log and answer requests of people about their data (access, erasure and the other rights), and restrict the use of a contact's data."),
        new(PrivacyErasureExecute, "Privacy", "Carry out the erasure of a person's data after a verified erasure request (cannot be undone)."),
        new(PrivacyRetention, "Privacy", "Place and release legal holds on contacts and dossiers, and manage retention."),
        new(PrivacyBreaches, "Privacy", "Register data breaches, decide on notifying the AP and the people concerned, and be alerted while the 72 hours run."),
        new(AdminUsers, "Administration", "Invite, disable and enable users, assign their roles, offboard leavers."),
        new(AdminRoles, "Administration", "Create, change and delete roles and the permissions they grant."),
        new(AdminReview, "Administration", "Run and record the periodic access review (who may do and see what)."),
        new(AdminBackup, "Administration", "See the backups and start one."),
        new(AdminAuditVerify, "Administration", "Verify that the audit trail has not been altered (its hash chain)."),
        new(AdminSettings, "Administration", "Change the firm's settings, such as requiring two-factor sign-in."),
        new(AdminAudit, "Administration", "Browse the firm's audit trail."),
        new(AdminJobs, "Administration", "See the background jobs dashboard."),
    ];

    /// <summary>The names alone (a grant of a name not in here is left over from an older version and grants nothing).</summary>
    public static readonly string[] Known = [.. All.Select(p => p.Name)];

    public static bool IsKnown(string permission) => Known.Contains(permission, StringComparer.Ordinal);
}

public sealed record PermissionInfo(string Name, string Group, string Description);
