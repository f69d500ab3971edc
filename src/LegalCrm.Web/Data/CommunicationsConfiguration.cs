using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Communications;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegalCrm.Web.Data;

internal sealed class CommunicationConfiguration : IEntityTypeConfiguration<Communication>
{
    public void Configure(EntityTypeBuilder<Communication> b)
    {
        b.ToTable("communications", t => t.HasCheckConstraint("ck_communications_linked", "dossier_id IS NOT NULL OR contact_id IS NOT NULL"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.AuthorName).HasMaxLength(300);
        b.Property(x => x.UpdatedBy).HasMaxLength(300);
        b.Property(x => x.MessageId).HasMaxLength(500);
        b.Property(x => x.RowVersion).IsRowVersion();
        b.Ignore(x => x.AuditSubject);
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CrmUser>().WithMany().HasForeignKey(x => x.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.CommunicationId).OnDelete(DeleteBehavior.Cascade);
        // Timelines: a dossier's or a contact's communications, newest first.
        b.HasIndex(x => new { x.TenantId, x.DossierId, x.OccurredAt });
        b.HasIndex(x => new { x.TenantId, x.ContactId, x.OccurredAt });
        b.HasIndex(x => new { x.TenantId, x.MessageId }).IsUnique().HasFilter("message_id IS NOT NULL");
    }
}

internal sealed class CommunicationParticipantConfiguration : IEntityTypeConfiguration<CommunicationParticipant>
{
    public void Configure(EntityTypeBuilder<CommunicationParticipant> b)
    {
        b.ToTable("communication_participants", t => t.HasCheckConstraint("ck_communication_participants_who", "contact_id IS NOT NULL OR user_id IS NOT NULL OR address IS NOT NULL"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Address).HasMaxLength(320);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.Ignore(x => x.AuditSubject);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CrmUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.TenantId, x.ContactId });
    }
}
