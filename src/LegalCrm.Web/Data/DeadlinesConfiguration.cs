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
        b.Ignore(x => x.AuditSubject);
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DeadlineRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.SetNull);
        // A dossier's deadlines in date order; the firm's open deadlines by date (agenda, reminders, dashboard).
        b.HasIndex(x => new { x.TenantId, x.DossierId, x.DueDate });
        b.HasIndex(x => new { x.TenantId, x.DueDate }).HasFilter("status = 'Open'");
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
