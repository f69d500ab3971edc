using LegalCrm.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegalCrm.Web.Data;

internal sealed class ProcessingActivityConfiguration : IEntityTypeConfiguration<ProcessingActivity>
{
    public void Configure(EntityTypeBuilder<ProcessingActivity> b)
    {
        b.ToTable("processing_activities", t => t.HasCheckConstraint("ck_processing_activities_ended", "status <> 'Active' OR ended_on IS NULL"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        foreach (var text in new[] { nameof(ProcessingActivity.JointControllers), nameof(ProcessingActivity.LawfulBasisExplanation) })
        {
            b.Property(text).HasMaxLength(ProcessingRegisterLimits.ShortText);
        }

        foreach (var text in new[]
                 {
                     nameof(ProcessingActivity.Purposes), nameof(ProcessingActivity.DataSubjectCategories), nameof(ProcessingActivity.PersonalDataCategories),
                     nameof(ProcessingActivity.SpecialCategories), nameof(ProcessingActivity.Recipients), nameof(ProcessingActivity.ThirdCountryTransfers),
                     nameof(ProcessingActivity.RetentionPeriod), nameof(ProcessingActivity.SecurityMeasures), nameof(ProcessingActivity.Remarks),
                 })
        {
            b.Property(text).HasMaxLength(ProcessingRegisterLimits.LongText);
        }

        b.Property(x => x.LawfulBasis).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.TransferSafeguard).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.PrimitiveCollection(x => x.StoredData).ElementType().HasConversion<string>();
        b.Ignore(x => x.AuditSubject);
        b.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
    }
}

internal sealed class RegisterDetailsConfiguration : IEntityTypeConfiguration<RegisterDetails>
{
    public void Configure(EntityTypeBuilder<RegisterDetails> b)
    {
        b.ToTable("register_details");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ControllerContact).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Property(x => x.Representative).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Property(x => x.ProtectionOfficerName).HasMaxLength(200);
        b.Property(x => x.ProtectionOfficerContact).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Ignore(x => x.AuditSubject);
        b.HasIndex(x => x.TenantId).IsUnique();
    }
}

internal sealed class RegisterExportConfiguration : IEntityTypeConfiguration<RegisterExport>
{
    public void Configure(EntityTypeBuilder<RegisterExport> b)
    {
        b.ToTable("register_exports");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ExportedBy).HasMaxLength(200);
        // Each export is a version of the register: numbered once per firm, also when two officers export at once.
        b.HasIndex(x => new { x.TenantId, x.Version }).IsUnique();
    }
}

internal sealed class ProcessorConfiguration : IEntityTypeConfiguration<Processor>
{
    public void Configure(EntityTypeBuilder<Processor> b)
    {
        b.ToTable("processors");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Service).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Property(x => x.AgreementDocument).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Property(x => x.SubProcessors).HasMaxLength(ProcessingRegisterLimits.LongText);
        b.Property(x => x.DataCategories).HasMaxLength(ProcessingRegisterLimits.LongText);
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.Remarks).HasMaxLength(ProcessingRegisterLimits.LongText);
        b.Property(x => x.TransferSafeguard).HasConversion<string>().HasMaxLength(30);
        b.Ignore(x => x.AuditSubject);
        b.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
    }
}

internal sealed class DpiaConfiguration : IEntityTypeConfiguration<Dpia>
{
    public void Configure(EntityTypeBuilder<Dpia> b)
    {
        b.ToTable("dpias");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(200);
        foreach (var text in new[] { nameof(Dpia.Description), nameof(Dpia.NecessityAndProportionality), nameof(Dpia.Risks), nameof(Dpia.Measures) })
        {
            b.Property(text).HasMaxLength(ProcessingRegisterLimits.LongText);
        }

        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Ignore(x => x.AuditSubject);
        // An activity's assessments; deleting an activity that was assessed is refused (the DPIA is evidence).
        b.HasOne<ProcessingActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.TenantId, x.ActivityId });
    }
}

internal sealed class DataSubjectRequestConfiguration : IEntityTypeConfiguration<DataSubjectRequest>
{
    public void Configure(EntityTypeBuilder<DataSubjectRequest> b)
    {
        b.ToTable("data_subject_requests", t => t.HasCheckConstraint("ck_data_subject_requests_extension", "extension_months BETWEEN 0 AND 2"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PersonName).HasMaxLength(200);
        b.Property(x => x.PersonDetails).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Property(x => x.Description).HasMaxLength(ProcessingRegisterLimits.LongText);
        b.Property(x => x.IdentityVerifiedHow).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Property(x => x.IdentityVerifiedBy).HasMaxLength(200);
        b.Property(x => x.ExtensionReason).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Property(x => x.Answer).HasMaxLength(ProcessingRegisterLimits.LongText);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Ignore(x => x.DueOn);
        b.Ignore(x => x.AuditSubject);
        b.HasOne<Features.Clients.Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.SetNull);
        // The open requests, oldest first (the list, and the reminders to come).
        b.HasIndex(x => new { x.TenantId, x.Status, x.ReceivedOn });
    }
}

internal sealed class BreachConfiguration : IEntityTypeConfiguration<Breach>
{
    public void Configure(EntityTypeBuilder<Breach> b)
    {
        b.ToTable("breaches");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(200);
        foreach (var text in new[]
                 {
                     nameof(Breach.ContactPerson), nameof(Breach.DataCategories), nameof(Breach.SpecialCategories), nameof(Breach.AffectedGroups),
                     nameof(Breach.AuthorityReference),
                 })
        {
            b.Property(text).HasMaxLength(ProcessingRegisterLimits.ShortText);
        }

        foreach (var text in new[]
                 {
                     nameof(Breach.Description), nameof(Breach.LikelyConsequences), nameof(Breach.MeasuresTaken), nameof(Breach.MeasuresProposed),
                     nameof(Breach.RiskReasoning), nameof(Breach.AuthorityDecisionReasoning), nameof(Breach.DelayReasons),
                     nameof(Breach.SubjectsDecisionReasoning), nameof(Breach.SubjectsMessage),
                 })
        {
            b.Property(text).HasMaxLength(ProcessingRegisterLimits.LongText);
        }

        b.Property(x => x.Risk).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.AuthorityDecision).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SubjectsDecision).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SubjectsExemption).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Ignore(x => x.AuditSubject);
        b.HasMany(x => x.FollowUps).WithOne().HasForeignKey(x => x.BreachId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        // The open breaches (the clock's sweep every few minutes, the list's first part).
        b.HasIndex(x => new { x.TenantId, x.Status, x.DiscoveredAt });
    }
}

internal sealed class BreachFollowUpConfiguration : IEntityTypeConfiguration<BreachFollowUp>
{
    public void Configure(EntityTypeBuilder<BreachFollowUp> b)
    {
        b.ToTable("breach_follow_ups");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Summary).HasMaxLength(ProcessingRegisterLimits.LongText);
        b.Property(x => x.Reference).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Ignore(x => x.AuditSubject);
        b.HasIndex(x => new { x.TenantId, x.BreachId, x.SentAt });
    }
}

internal sealed class AccessWithholdingConfiguration : IEntityTypeConfiguration<AccessWithholding>
{
    public void Configure(EntityTypeBuilder<AccessWithholding> b)
    {
        b.ToTable("access_withholdings");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ItemKey).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Ignore(x => x.AuditSubject);
        b.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TenantId, x.RequestId, x.ItemKey }).IsUnique();
    }
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> b)
    {
        b.ToTable("legal_holds", t => t.HasCheckConstraint("ck_legal_holds_one_subject", "(contact_id IS NULL) <> (dossier_id IS NULL)"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reason).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Property(x => x.ReleaseReason).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Property(x => x.PlacedBy).HasMaxLength(200);
        b.Property(x => x.ReleasedBy).HasMaxLength(200);
        b.Ignore(x => x.AuditSubject);
        // A hold keeps its contact or dossier: neither can be deleted while a hold (even a released one, as evidence) points at it.
        b.HasOne<Features.Clients.Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Features.Dossiers.Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.TenantId, x.ContactId });
        b.HasIndex(x => new { x.TenantId, x.DossierId });
    }
}

internal sealed class ErasureLogEntryConfiguration : IEntityTypeConfiguration<ErasureLogEntry>
{
    public void Configure(EntityTypeBuilder<ErasureLogEntry> b)
    {
        b.ToTable("erasure_log");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Pseudonym).HasMaxLength(40);
        b.Property(x => x.Outcome).HasColumnType("jsonb");
        b.Property(x => x.ExecutedBy).HasMaxLength(200);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Record).HasMaxLength(40);
        b.Property(x => x.Reason).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.HasIndex(x => new { x.TenantId, x.ExecutedAt });
        b.HasIndex(x => new { x.TenantId, x.RequestId });
    }
}

internal sealed class SuppressionEntryConfiguration : IEntityTypeConfiguration<SuppressionEntry>
{
    public void Configure(EntityTypeBuilder<SuppressionEntry> b)
    {
        b.ToTable("suppression_entries");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => new { x.TenantId, x.Hash }).IsUnique();
    }
}

internal sealed class RetentionPolicyConfiguration : IEntityTypeConfiguration<RetentionPolicy>
{
    public void Configure(EntityTypeBuilder<RetentionPolicy> b)
    {
        b.ToTable("retention_policies", t => t.HasCheckConstraint("ck_retention_policies_period", $"period_months BETWEEN 1 AND {RetentionRules.MaxPeriodMonths}"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.StartsAt).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PracticeArea).HasMaxLength(100);
        b.Property(x => x.Basis).HasMaxLength(ProcessingRegisterLimits.ShortText);
        b.Ignore(x => x.AuditSubject);
        // One firm-wide policy per category, and at most one per practice area.
        b.HasIndex(x => new { x.TenantId, x.Category, x.PracticeArea }).IsUnique().AreNullsDistinct(false);
    }
}
