using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegalCrm.Web.Data;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("contacts");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.LawfulBasis).HasConversion<string>().HasMaxLength(30);
        foreach (var name in new[] { nameof(Contact.Initials), nameof(Contact.NameParticle), nameof(Contact.Salutation), nameof(Contact.LegalForm), nameof(Contact.PreferredLanguage) })
        {
            b.Property(name).HasMaxLength(50);
        }

        foreach (var name in new[] { nameof(Contact.FirstName), nameof(Contact.LastName), nameof(Contact.OrganisationName), nameof(Contact.LetterGreeting), nameof(Contact.Website), nameof(Contact.DataSource), nameof(Contact.RestrictionReason), nameof(Contact.UpdatedBy) })
        {
            b.Property(name).HasMaxLength(200);
        }

        b.Property(c => c.KvkNumber).HasMaxLength(8);
        b.Property(c => c.VatNumber).HasMaxLength(20);
        b.Property(c => c.Iban).HasMaxLength(50);
        b.Property(c => c.Notes).HasMaxLength(10_000);
        b.Property(c => c.DisplayName).HasMaxLength(300);
        b.Property(c => c.SortName).HasMaxLength(300);
        b.Property(c => c.SortKey).HasMaxLength(300);
        b.Property(c => c.SearchText).HasMaxLength(2_000);
        b.Property(c => c.Version).IsRowVersion();
        b.Ignore(c => c.IsClient);
        b.Ignore(c => c.IsRestricted);
        b.Ignore(c => c.AuditSubject);

        b.HasMany(c => c.Addresses).WithOne().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Phones).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Emails).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CrmUser>().WithMany().HasForeignKey(c => c.ResponsibleLawyerId).OnDelete(DeleteBehavior.SetNull);

        b.HasIndex(c => new { c.TenantId, c.ClientNumber }).IsUnique().HasFilter("client_number IS NOT NULL");
        b.HasIndex(c => new { c.TenantId, c.SortKey, c.Id });
        b.HasIndex(c => new { c.TenantId, c.KvkNumber });
        b.HasIndex(c => new { c.TenantId, c.ResponsibleLawyerId });
        // Trigram search within a firm: btree_gin lets the GIN index lead with tenant_id.
        b.HasIndex(c => new { c.TenantId, c.SearchText }).HasMethod("gin").HasOperators("uuid_ops", "gin_trgm_ops");
        b.HasIndex(c => new { c.TenantId, c.Tags }).HasMethod("gin").HasOperators("uuid_ops", "array_ops");
    }
}

internal sealed class ContactAddressConfiguration : IEntityTypeConfiguration<ContactAddress>
{
    public void Configure(EntityTypeBuilder<ContactAddress> b)
    {
        b.ToTable("contact_addresses");
        // The id is set in C# (uuid v7): a new row found through a navigation must be seen as new, not as an existing one.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Street).HasMaxLength(200);
        b.Property(a => a.PostalCode).HasMaxLength(20);
        b.Property(a => a.City).HasMaxLength(100);
        b.Property(a => a.CountryCode).HasMaxLength(2);
        b.Ignore(a => a.AuditSubject);
        b.HasIndex(a => new { a.TenantId, a.PostalCode });
    }
}

internal sealed class ContactPhoneConfiguration : IEntityTypeConfiguration<ContactPhone>
{
    public void Configure(EntityTypeBuilder<ContactPhone> b)
    {
        b.ToTable("contact_phones");
        // The id is set in C# (uuid v7): a new row found through a navigation must be seen as new, not as an existing one.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Number).HasMaxLength(20);
        b.Ignore(p => p.AuditSubject);
        b.HasIndex(p => new { p.TenantId, p.Number });
    }
}

internal sealed class ContactEmailConfiguration : IEntityTypeConfiguration<ContactEmail>
{
    public void Configure(EntityTypeBuilder<ContactEmail> b)
    {
        b.ToTable("contact_emails");
        // The id is set in C# (uuid v7): a new row found through a navigation must be seen as new, not as an existing one.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Address).HasMaxLength(320);
        b.Property(e => e.NormalizedAddress).HasMaxLength(320);
        b.Ignore(e => e.AuditSubject);
        b.HasIndex(e => new { e.TenantId, e.NormalizedAddress });
    }
}

internal sealed class ContactRelationshipConfiguration : IEntityTypeConfiguration<ContactRelationship>
{
    public void Configure(EntityTypeBuilder<ContactRelationship> b)
    {
        b.ToTable("contact_relationships");
        // The id is set in C# (uuid v7): a new row found through a navigation must be seen as new, not as an existing one.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        b.Ignore(r => r.AuditSubject);
        b.HasOne<Contact>().WithMany().HasForeignKey(r => r.FromContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(r => r.ToContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.TenantId, r.FromContactId });
        b.HasIndex(r => new { r.TenantId, r.ToContactId });
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.ToTable("number_sequences");
        b.HasKey(s => new { s.TenantId, s.Name });
        b.Property(s => s.Name).HasMaxLength(50);
    }
}

internal sealed class ContactImportConfiguration : IEntityTypeConfiguration<ContactImport>
{
    public void Configure(EntityTypeBuilder<ContactImport> b)
    {
        b.ToTable("contact_imports");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.EncodingName).HasMaxLength(20);
        b.Property(x => x.Delimiter).HasMaxLength(1);
        b.Property(x => x.LawfulBasis).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.DataSource).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        // By name, so reordering the enum cannot change what a stored mapping means.
        b.PrimitiveCollection(x => x.Mapping).ElementType().HasConversion<string>();
        b.Property(x => x.RejectedRows).HasColumnType("jsonb");
        b.Property(x => x.Error).HasMaxLength(2000);
        b.Property(x => x.CreatedByName).HasMaxLength(300);
        b.Ignore(x => x.IsFinished);
        b.HasIndex(x => new { x.TenantId, x.CreatedAt });
    }
}

internal sealed class MarketingConsentConfiguration : IEntityTypeConfiguration<MarketingConsent>
{
    public void Configure(EntityTypeBuilder<MarketingConsent> b)
    {
        b.ToTable("marketing_consents");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.TextShown).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(300);
        b.Ignore(x => x.IsActive);
        b.Ignore(x => x.AuditSubject);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.ContactId });
        b.HasIndex(x => new { x.TenantId, x.Purpose, x.ContactId }).HasFilter("withdrawn_on IS NULL");
    }
}
