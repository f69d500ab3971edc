using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegalCrm.Web.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.Property(a => a.ActorName).HasMaxLength(320);
        b.Property(a => a.Action).HasMaxLength(60);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(200);
        b.Property(a => a.Changes).HasColumnType("jsonb");
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.Property(a => a.SubjectType).HasMaxLength(100);
        b.HasIndex(a => new { a.TenantId, a.SubjectId, a.OccurredAt });
        // The browse page filters by firm and sorts newest first; user and entity filters narrow within a firm.
        b.HasIndex(a => new { a.TenantId, a.OccurredAt, a.Id }).IsDescending(false, true, true);
        b.HasIndex(a => new { a.TenantId, a.UserId, a.OccurredAt });
        b.HasIndex(a => new { a.TenantId, a.EntityType, a.EntityId });
        // Anonymising the rows about a person or a dossier finds them by id whatever their entity type (AVG art. 17, retention).
        b.HasIndex(a => new { a.TenantId, a.EntityId });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(m => m.ToAddress).HasMaxLength(320);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.TenantId, m.SentAt, m.CreatedAt });
    }
}
