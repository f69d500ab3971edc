using LegalCrm.Web.Features.Deadlines;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegalCrm.Web.Data;

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> b)
    {
        b.ToTable("deadlines", t =>
        {
            t.HasCheckConstraint("ck_deadlines_done", "(status = 'Done') = (completed_on IS NOT NULL)");
            t.HasCheckConstraint("ck_deadlines_cancelled", "status <> 'Cancelled' OR cancel_reason IS NOT NULL");
        });
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RuleName).HasMaxLength(200);
        b.Property(x => x.Calculation).HasColumnType("jsonb");
        b.Property(x => x.CompletedByName).HasMaxLength(300);
        b.Property(x => x.CancelReason).HasMaxLength(500);
        b.Property(x => x.ChangeReason).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(300);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.IsFatal);
        b.Ignore(x => x.AuditSubject);
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DeadlineRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.SetNull);
        // A dossier's deadlines in date order; the firm's open deadlines by date (agenda, reminders, dashboard).
        b.HasIndex(x => new { x.TenantId, x.DossierId, x.DueDate });
        // Carries the responsible people and the kind, so the agenda and the dashboard find a person's (fatal) deadlines
        // from the index alone (AgendaItems, Dashboard) instead of reading every open deadline of those days from the
        // table (12 ms for the fatal ones of two weeks at 200,000; 2 ms from the index); and is in the lists' full
        // order (date, time, id), so a page is read in order and the walk stops when it is full instead of sorting
        // every deadline of the days before it (page 10 of "all I may see" went from 250 to 50 ms at 200,000).
        b.HasIndex(x => new { x.TenantId, x.DueDate, x.DueTime, x.Id }).HasFilter("status = 'Open'").IncludeProperties(x => new { x.ResponsibleUserIds, x.Kind });
        // The reminder sweep's only question: whose reminder is due now (DeadlineReminderSweep).
        b.HasIndex(x => new { x.TenantId, x.NextReminderAt }).HasFilter("status = 'Open' AND next_reminder_at IS NOT NULL");
        // The escalation's question: which fatal deadlines end by the next working day and have not been escalated.
        b.HasIndex(x => new { x.TenantId, x.DueDate }, "ix_deadlines_escalation").HasDatabaseName("ix_deadlines_escalation")
            .HasFilter("status = 'Open' AND kind = 'Fatal' AND escalated_at IS NULL");
    }
}

internal sealed class DeadlineRuleConfiguration : IEntityTypeConfiguration<DeadlineRule>
{
    public void Configure(EntityTypeBuilder<DeadlineRule> b)
    {
        b.ToTable("deadline_rules", t => t.HasCheckConstraint("ck_deadline_rules_amount", "amount > 0"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.LegalBasis).HasMaxLength(200);
        b.Property(x => x.EventLabel).HasMaxLength(200);
        b.Property(x => x.Unit).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Start).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Ignore(x => x.Period);
        b.Ignore(x => x.AuditSubject);
        b.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
    }
}

internal sealed class DesignatedHolidayConfiguration : IEntityTypeConfiguration<DesignatedHoliday>
{
    public void Configure(EntityTypeBuilder<DesignatedHoliday> b)
    {
        b.ToTable("designated_holidays");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Description).HasMaxLength(300);
        b.Ignore(x => x.AuditSubject);
        b.HasIndex(x => new { x.TenantId, x.Date }).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Features.Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<Features.Notifications.Notification> b)
    {
        b.ToTable("notifications");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.Link).HasMaxLength(300);
        b.Property(x => x.DedupKey).HasMaxLength(200);
        b.HasOne<Features.Access.CrmUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // One message per user and event, whoever sends it (jobs retried or on two servers).
        b.HasIndex(x => new { x.TenantId, x.UserId, x.DedupKey }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.UserId, x.CreatedAt });
        b.HasIndex(x => new { x.TenantId, x.UserId }).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
    }
}

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<Features.Tasks.WorkTask>
{
    public void Configure(EntityTypeBuilder<Features.Tasks.WorkTask> b)
    {
        b.ToTable("tasks", t => t.HasCheckConstraint("ck_tasks_assignee", "(assignee_user_id IS NULL) <> (assignee_team_id IS NULL)"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(300);
        b.Property(x => x.CompletedBy).HasMaxLength(300);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.IsClosed);
        b.Ignore(x => x.AuditSubject);
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Features.Clients.Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Features.Access.CrmUser>().WithMany().HasForeignKey(x => x.AssigneeUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Features.Access.Team>().WithMany().HasForeignKey(x => x.AssigneeTeamId).OnDelete(DeleteBehavior.Restrict);
        // "My tasks" and "my teams' tasks", open ones by due date; a dossier's tasks.
        b.HasIndex(x => new { x.TenantId, x.AssigneeUserId, x.DueDate }).HasFilter("status IN ('Open', 'InProgress')");
        b.HasIndex(x => new { x.TenantId, x.AssigneeTeamId, x.DueDate }).HasFilter("status IN ('Open', 'InProgress')");
        b.HasIndex(x => new { x.TenantId, x.DossierId });
    }
}

internal sealed class WorkTaskCommentConfiguration : IEntityTypeConfiguration<Features.Tasks.WorkTaskComment>
{
    public void Configure(EntityTypeBuilder<Features.Tasks.WorkTaskComment> b)
    {
        b.ToTable("task_comments");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.AuthorName).HasMaxLength(300);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Ignore(x => x.AuditSubject);
        b.HasOne<Features.Tasks.WorkTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.TaskId, x.CreatedAt });
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<Features.Agenda.CalendarFeed>
{
    public void Configure(EntityTypeBuilder<Features.Agenda.CalendarFeed> b)
    {
        b.ToTable("calendar_feeds");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.SecretHash).HasMaxLength(64);
        b.Ignore(x => x.AuditSubject);
        b.HasOne<Features.Access.CrmUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
    }
}

internal sealed class WorkflowTemplateConfiguration : IEntityTypeConfiguration<Features.Workflows.WorkflowTemplate>
{
    public void Configure(EntityTypeBuilder<Features.Workflows.WorkflowTemplate> b)
    {
        b.ToTable("workflow_templates");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.DossierType).HasMaxLength(100);
        b.Ignore(x => x.AuditSubject);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
    }
}

internal sealed class WorkflowStepConfiguration : IEntityTypeConfiguration<Features.Workflows.WorkflowStep>
{
    public void Configure(EntityTypeBuilder<Features.Workflows.WorkflowStep> b)
    {
        b.ToTable("workflow_steps", t => t.HasCheckConstraint("ck_workflow_steps_offset", "offset_days BETWEEN 0 AND 3660"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.DateLabel).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DeadlineKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Assignee).HasConversion<string>().HasMaxLength(30);
        b.Ignore(x => x.AuditSubject);
        b.HasOne<DeadlineRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.TenantId, x.TemplateId, x.Position });
    }
}

internal sealed class WorkflowApplicationConfiguration : IEntityTypeConfiguration<Features.Workflows.WorkflowApplication>
{
    public void Configure(EntityTypeBuilder<Features.Workflows.WorkflowApplication> b)
    {
        b.ToTable("workflow_applications");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.AppliedBy).HasMaxLength(300);
        b.Ignore(x => x.AuditSubject);
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        // A step is carried out once per dossier, also when two people enter the date at the same moment.
        b.HasOne<Features.Workflows.WorkflowStep>().WithMany().HasForeignKey(x => x.StepId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.DossierId, x.StepId }).IsUnique();
    }
}
