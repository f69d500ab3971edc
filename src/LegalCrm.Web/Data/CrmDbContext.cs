using System.Linq.Expressions;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Communications;
using LegalCrm.Web.Features.Documents;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Infrastructure.Email;
using LegalCrm.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Data;

public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options, TenantContext tenant)
    : IdentityDbContext<CrmUser, CrmRole, Guid, CrmUserClaim, CrmUserRole, CrmUserLogin, CrmRoleClaim, CrmUserToken>(options),
      IDataProtectionKeyContext
{
    /// <summary>Read by the tenant query filters; EF parameterises it per query.</summary>
    public Guid? CurrentTenantId => tenant.TenantId;

    public DbSet<Firm> Firms => Set<Firm>();

    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();

    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditVerification> AuditVerifications => Set<AuditVerification>();

    public DbSet<Infrastructure.Keys.FirmKey> FirmKeys => Set<Infrastructure.Keys.FirmKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<ContactRelationship> ContactRelationships => Set<ContactRelationship>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<ContactImport> ContactImports => Set<ContactImport>();

    public DbSet<MarketingConsent> MarketingConsents => Set<MarketingConsent>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierStatusChange> DossierStatusChanges => Set<DossierStatusChange>();

    public DbSet<EthicalWall> EthicalWalls => Set<EthicalWall>();

    public DbSet<ConflictCheck> ConflictChecks => Set<ConflictCheck>();

    public DbSet<DossierAccessGrant> DossierAccessGrants => Set<DossierAccessGrant>();

    public DbSet<DossierTeam> DossierTeams => Set<DossierTeam>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    public DbSet<Communication> Communications => Set<Communication>();

    public DbSet<Features.Communications.Mailboxes.Mailbox> Mailboxes => Set<Features.Communications.Mailboxes.Mailbox>();

    public DbSet<Features.Communications.Mailboxes.TriageMessage> TriageMessages => Set<Features.Communications.Mailboxes.TriageMessage>();

    public DbSet<Features.Deadlines.Deadline> Deadlines => Set<Features.Deadlines.Deadline>();

    public DbSet<Features.Agenda.CalendarFeed> CalendarFeeds => Set<Features.Agenda.CalendarFeed>();

    public DbSet<Features.Workflows.WorkflowTemplate> WorkflowTemplates => Set<Features.Workflows.WorkflowTemplate>();

    public DbSet<Features.Workflows.WorkflowStep> WorkflowSteps => Set<Features.Workflows.WorkflowStep>();

    public DbSet<Features.Workflows.WorkflowApplication> WorkflowApplications => Set<Features.Workflows.WorkflowApplication>();

    public DbSet<Features.Deadlines.DeadlineRule> DeadlineRules => Set<Features.Deadlines.DeadlineRule>();

    public DbSet<Features.Deadlines.DesignatedHoliday> DesignatedHolidays => Set<Features.Deadlines.DesignatedHoliday>();

    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();

    public DbSet<Features.Tasks.WorkTask> WorkTasks => Set<Features.Tasks.WorkTask>();

    public DbSet<Features.Tasks.WorkTaskComment> WorkTaskComments => Set<Features.Tasks.WorkTaskComment>();

    public DbSet<Features.Privacy.ProcessingActivity> ProcessingActivities => Set<Features.Privacy.ProcessingActivity>();

    public DbSet<Features.Privacy.RegisterDetails> RegisterDetails => Set<Features.Privacy.RegisterDetails>();

    public DbSet<Features.Privacy.RegisterExport> RegisterExports => Set<Features.Privacy.RegisterExport>();

    public DbSet<Features.Privacy.Processor> Processors => Set<Features.Privacy.Processor>();

    public DbSet<Features.Privacy.Dpia> Dpias => Set<Features.Privacy.Dpia>();

    public DbSet<Features.Privacy.DataSubjectRequest> DataSubjectRequests => Set<Features.Privacy.DataSubjectRequest>();

    public DbSet<Features.Privacy.Breach> Breaches => Set<Features.Privacy.Breach>();

    public DbSet<Features.Privacy.BreachFollowUp> BreachFollowUps => Set<Features.Privacy.BreachFollowUp>();

    public DbSet<Features.Privacy.AccessWithholding> AccessWithholdings => Set<Features.Privacy.AccessWithholding>();

    public DbSet<Features.Privacy.LegalHold> LegalHolds => Set<Features.Privacy.LegalHold>();

    public DbSet<Features.Privacy.RetentionPolicy> RetentionPolicies => Set<Features.Privacy.RetentionPolicy>();

    public DbSet<Features.Privacy.ErasureLogEntry> ErasureLog => Set<Features.Privacy.ErasureLogEntry>();

    public DbSet<Features.Privacy.SuppressionEntry> SuppressionEntries => Set<Features.Privacy.SuppressionEntry>();

    /// <summary>ASP.NET Data Protection keys (cookies, tokens): shared by every instance, not owned by a firm.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefreshDerivedText();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefreshDerivedText();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>A communication's participant names follow its participants, whichever page changed them.</summary>
    private void RefreshDerivedText()
    {
        ChangeTracker.DetectChanges();
        var changedParticipants = ChangeTracker.Entries<CommunicationParticipant>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.CommunicationId)
            .ToHashSet();
        foreach (var entry in ChangeTracker.Entries<Communication>())
        {
            if (entry.State == EntityState.Added || changedParticipants.Contains(entry.Entity.Id))
            {
                entry.Entity.RefreshParticipantNames();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.HasPostgresExtension("btree_gin");
        builder.HasPostgresExtension("unaccent");
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        builder.HasDbFunction(typeof(Features.Access.SessionSeen).GetMethod(nameof(Features.Access.SessionSeen.See))!).HasName("legalcrm_see_session").HasSchema("public");
        ApplyTenantFilters(builder);
    }

    /// <summary>The one tenant filter: every <see cref="ITenantOwned"/> entity type sees only the scope's firm.</summary>
    private void ApplyTenantFilters(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            var filter = (LambdaExpression)typeof(CrmDbContext)
                .GetMethod(nameof(TenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType)
                .Invoke(this, null)!;
            builder.Entity(entityType.ClrType).HasQueryFilter(filter);
        }

        builder.Entity<Firm>().HasQueryFilter(f => f.Id == CurrentTenantId);
    }

    private Expression<Func<T, bool>> TenantFilter<T>() where T : class, ITenantOwned =>
        e => e.TenantId == CurrentTenantId;
}
