using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Communications;
using LegalCrm.Web.Features.Communications.Mailboxes;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

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
        b.Property(x => x.Subject).HasMaxLength(Communication.MaxSubjectLength);
        b.Property(x => x.Location).HasMaxLength(Communication.MaxLocationLength);
        b.Property(x => x.AuthorName).HasMaxLength(300);
        b.Property(x => x.UpdatedBy).HasMaxLength(300);
        b.Property(x => x.MessageId).HasMaxLength(500);
        b.Property(x => x.RowVersion).IsRowVersion();
        b.Property(x => x.ParticipantNames).HasMaxLength(20_000);
        b.Property(x => x.BodyMarkdown).HasMaxLength(CommunicationBody.MaxMarkdownLength);
        b.Ignore(x => x.AuditSubject);
        // Full-text search (decision 0009): subject weighs most, then who took part, then the body. Tags and entities
        // of the sanitised HTML are token types the configuration ignores; left() keeps a huge e-mail under the
        // tsvector limit of 1 MB.
        b.Property<NpgsqlTsVector>(CommunicationSearch.VectorProperty)
            .HasColumnName("search_vector")
            .HasComputedColumnSql(
                $"setweight(to_tsvector('{CommunicationSearch.Configuration}', coalesce(subject, '')), 'A') || " +
                $"setweight(to_tsvector('{CommunicationSearch.Configuration}', participant_names), 'B') || " +
                $"setweight(to_tsvector('{CommunicationSearch.Configuration}', left(body_html, 400000)), 'C')",
                stored: true);
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CrmUser>().WithMany().HasForeignKey(x => x.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.CommunicationId).OnDelete(DeleteBehavior.Cascade);
        // Timelines: a dossier's or a contact's communications, newest first.
        b.HasIndex(x => new { x.TenantId, x.DossierId, x.OccurredAt });
        // A contact's timeline, the linked side: with what the list filters on, so it is read from the index alone.
        b.HasIndex(x => new { x.TenantId, x.ContactId, x.OccurredAt }).IncludeProperties(x => new { x.Id, x.DossierId, x.Kind, x.Direction });
        // A contact's timeline collects its communications as ids (linked or participant, TimelineItem); this index
        // gives their dossier, date, kind and direction without visiting the rows (index-only): the client of a
        // 5,000-item dossier otherwise cost 200 ms (p95) at 1,000,000 communications.
        b.HasIndex(x => new { x.TenantId, x.Id }).IncludeProperties(x => new { x.DossierId, x.OccurredAt, x.Kind, x.Direction });
        // On the vector alone, not led by tenant_id: a two-column GIN index intersects the word's entries with every
        // row of the firm, which made a rare name cost 380 ms at 100,000 communications. Row-level security and the
        // tenant filter still keep each firm to its own rows.
        b.HasIndex(CommunicationSearch.VectorProperty).HasMethod("gin");
        // A search with very many matches walks the firm's communications newest first (CommunicationSearch.RankLimit).
        b.HasIndex(x => new { x.TenantId, x.OccurredAt });
        // The agenda's meetings of a week or month (AgendaItems).
        b.HasIndex(x => new { x.TenantId, x.OccurredAt }, "ix_communications_meetings").HasDatabaseName("ix_communications_meetings").HasFilter("kind = 'Meeting'");
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
        // The copies are written by the database, never by the app (see CommunicationParticipant).
        b.Property(x => x.DossierId).ValueGeneratedOnAddOrUpdate();
        b.Property(x => x.OccurredAt).ValueGeneratedOnAddOrUpdate();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20).ValueGeneratedOnAddOrUpdate();
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20).ValueGeneratedOnAddOrUpdate();
        // A contact's timeline, the participant side: newest first with everything the list filters on (TimelineItem).
        b.HasIndex(x => new { x.TenantId, x.ContactId, x.OccurredAt }).IncludeProperties(x => new { x.CommunicationId, x.DossierId, x.Kind, x.Direction });
    }
}

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> b)
    {
        b.ToTable("mailboxes");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Host).HasMaxLength(255);
        b.Property(x => x.UserName).HasMaxLength(320);
        b.Property(x => x.EncryptedPassword).HasMaxLength(4000);
        b.Property(x => x.Folder).HasMaxLength(200);
        b.Property(x => x.Security).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.Property(x => x.UpdatedBy).HasMaxLength(300);
        // One mailbox per firm.
        b.HasIndex(x => x.TenantId).IsUnique();
    }
}

internal sealed class TriageMessageConfiguration : IEntityTypeConfiguration<TriageMessage>
{
    public void Configure(EntityTypeBuilder<TriageMessage> b)
    {
        b.ToTable("triage_messages");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.MessageKey).HasMaxLength(500);
        b.Property(x => x.FromName).HasMaxLength(300);
        b.Property(x => x.FromAddress).HasMaxLength(320);
        b.Property(x => x.Subject).HasMaxLength(Communication.MaxSubjectLength);
        b.Property(x => x.HandledBy).HasMaxLength(300);
        b.Property(x => x.RowVersion).IsRowVersion();
        b.HasOne<Mailbox>().WithMany().HasForeignKey(x => x.MailboxId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Communication>().WithMany().HasForeignKey(x => x.CommunicationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.SuggestedDossierId).OnDelete(DeleteBehavior.SetNull);
        // A message is captured once per firm, whether it was filed or discarded since.
        b.HasIndex(x => new { x.TenantId, x.MessageKey }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.Status, x.ReceivedAt });
    }
}
