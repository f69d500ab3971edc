using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Features.Dossiers;

namespace LegalCrm.Web.Infrastructure.Startup;

/// <summary>The business features' own services (Access has its own in IdentityStartup).</summary>
public static class FeaturesStartup
{
    public static IServiceCollection AddCrmFeatures(this IServiceCollection services)
    {
        services.AddScoped<ContactDuplicates>();
        services.AddScoped<ContactMergeService>();
        services.AddScoped<ContactImportPlanner>();
        services.AddScoped<ContactImportJob>();
        services.AddScoped<IContactLinks, RelationshipLinks>();
        services.AddScoped<IContactLinks, MarketingConsentLinks>();
        services.AddScoped<IContactLinks, DossierPartyLinks>();
        services.AddScoped<IContactLinks, Features.Communications.CommunicationLinks>();
        services.AddScoped<IContactLinks, Features.Tasks.TaskLinks>();
        services.AddScoped<IContactLinks, Features.Privacy.PrivacyLinks>();
        services.AddScoped<DossierAccess>();
        services.AddScoped<ConflictSearch>();
        services.AddScoped<Features.Communications.CommunicationSearch>();
        services.AddScoped<Features.Communications.EmailFiling>();
        services.AddScoped<Features.Communications.CommunicationAccess>();
        services.AddScoped<Features.Deadlines.DeadlineAccess>();
        services.AddSingleton<Features.Deadlines.DeadlineReminderSweep>();
        services.AddScoped<Features.Tasks.WorkTaskAccess>();
        services.AddSingleton<Features.Tasks.OverdueTaskDigest>();
        services.AddSingleton<Features.Privacy.PrivacyReminders>();
        services.AddSingleton<Features.Privacy.BreachAlerts>();
        services.AddScoped<Features.Privacy.BreachExports>();
        services.AddScoped<Features.Privacy.AccessPackage>();
        services.AddScoped<Features.Privacy.Erasure>();
        services.AddScoped<Features.Privacy.RequestLetters>();
        services.AddScoped<Features.Privacy.Suppressions>();
        services.AddScoped<Features.Privacy.RetentionSchedule>();
        services.AddScoped<Features.Privacy.RetentionDisposer>();
        services.AddScoped<Features.Dossiers.DossierDisposal>();
        services.AddSingleton<Features.Privacy.RetentionSweep>();
        // What each feature holds about a person, in the order the access package presents it.
        services.AddScoped<Features.Privacy.IPersonalDataSource, ContactPersonalData>();
        services.AddScoped<Features.Privacy.IPersonalDataSource, Features.Dossiers.DossierPersonalData>();
        services.AddScoped<Features.Privacy.IPersonalDataSource, Features.Communications.CommunicationPersonalData>();
        services.AddScoped<Features.Privacy.IPersonalDataSource, Features.Tasks.TaskPersonalData>();
        services.AddScoped<Features.Privacy.IPersonalDataSource, Features.Privacy.PrivacyPersonalData>();
        services.AddScoped<Features.Agenda.AgendaItems>();
        services.AddScoped<Features.Privacy.RegisterExports>();
        services.AddScoped<Features.Workflows.WorkflowInstantiation>();
        services.AddScoped<Features.Communications.Mailboxes.MailboxSecrets>();
        services.AddSingleton<Features.Communications.Mailboxes.MailboxPolling>();
        services.AddScoped<Features.Audit.AuditHistory>();
        services.AddScoped<Infrastructure.Keys.FirmKeys>();
        services.AddScoped<Features.Audit.AuditChainSealer>();
        services.AddScoped<Features.Audit.AuditChainVerification>();
        services.AddScoped<Features.Audit.AuditVerificationJob>();
        services.AddScoped<Features.Audit.AuditChainSealJob>();
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section)
            .Validate(o => o.MaxFileSizeMegabytes is > 0 and <= 2048 && o.MaxFilesPerUpload > 0, "Documents: MaxFileSizeMegabytes must be 1–2048 and MaxFilesPerUpload positive.")
            .ValidateOnStart();
        services.AddSingleton<DocumentKeyRing>();
        services.AddScoped<Features.Access.Review.AccessReport>();
        services.AddScoped<Features.Access.Review.AccessReportExports>();
        services.AddSingleton<Features.Access.Review.AccessReviewReminders>();
        services.AddOptions<Features.Backups.BackupOptions>().BindConfiguration(Features.Backups.BackupOptions.Section);
        services.AddScoped<Features.Backups.BackupWriter>();
        services.AddScoped<Features.Backups.BackupRestorer>();
        services.AddScoped<Features.Backups.BackupJob>();
        services.AddSingleton<IDocumentStore, LocalFolderDocumentStore>();
        services.AddScoped<DocumentUploads>();
        services.AddSingleton<DocumentOrphanSweep>();
        return services;
    }
}
