using LegalCrm.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LegalCrm.Web.Data;

// Identity's tables under our names, keyed and indexed by firm first (ready to distribute by tenant).

internal sealed class FirmConfiguration : IEntityTypeConfiguration<Firm>
{
    public void Configure(EntityTypeBuilder<Firm> b)
    {
        b.ToTable("firms");
        b.Property(f => f.DossierNumberFormat).HasMaxLength(40).HasDefaultValue(Features.Dossiers.DossierNumberFormat.Default);
        // Existing firms get the default list too when the column is added.
        b.Property(f => f.PracticeAreas).HasDefaultValueSql("ARRAY[" + string.Join(", ", Firm.DefaultPracticeAreas.Select(a => "'" + a + "'")) + "]::text[]");
        b.Property(f => f.PartyRoles).HasDefaultValueSql("ARRAY[" + string.Join(", ", Firm.DefaultPartyRoles.Select(a => "'" + a + "'")) + "]::text[]");
        b.Ignore(f => f.TenantId);
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.DefaultCulture).HasMaxLength(10);
        b.Property(f => f.RetentionMode).HasConversion<string>().HasMaxLength(20);
        b.HasOne<CrmUser>().WithMany().HasForeignKey(f => f.OfficeManagerUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CrmUserConfiguration : IEntityTypeConfiguration<CrmUser>
{
    public void Configure(EntityTypeBuilder<CrmUser> b)
    {
        b.ToTable("users");
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PreferredCulture).HasMaxLength(10);
        b.Ignore(u => u.IsDisabled);
        b.Ignore(u => u.HasPassword);
        b.HasOne<Firm>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
        // The sign-in name is unique across firms (Identity's "UserNameIndex" stays global on purpose).
        b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        b.HasIndex(u => new { u.TenantId, u.DisplayName });
        b.HasOne<CrmUser>().WithMany().HasForeignKey(u => u.BackupUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CrmRoleConfiguration : IEntityTypeConfiguration<CrmRole>
{
    public void Configure(EntityTypeBuilder<CrmRole> b)
    {
        b.ToTable("roles");
        b.Property(r => r.BuiltInKey).HasMaxLength(50);
        b.Property(r => r.Description).HasMaxLength(500);
        b.HasOne<Firm>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        // Identity's global unique role-name index becomes unique per firm.
        b.HasIndex(r => r.NormalizedName).HasDatabaseName("RoleNameIndex").IsUnique(false);
        b.HasIndex(r => new { r.TenantId, r.NormalizedName }).IsUnique();
        b.HasMany(r => r.Permissions).WithOne().HasForeignKey(p => p.RoleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> b)
    {
        b.ToTable("role_permissions");
        b.HasKey(p => new { p.TenantId, p.RoleId, p.Permission });
        b.Property(p => p.Permission).HasMaxLength(100);
    }
}

internal sealed class CrmUserRoleConfiguration : IEntityTypeConfiguration<CrmUserRole>
{
    public void Configure(EntityTypeBuilder<CrmUserRole> b)
    {
        b.ToTable("user_roles");
        b.HasIndex(r => new { r.TenantId, r.UserId });
    }
}

internal sealed class CrmUserClaimConfiguration : IEntityTypeConfiguration<CrmUserClaim>
{
    public void Configure(EntityTypeBuilder<CrmUserClaim> b) => b.ToTable("user_claims");
}

internal sealed class CrmUserLoginConfiguration : IEntityTypeConfiguration<CrmUserLogin>
{
    public void Configure(EntityTypeBuilder<CrmUserLogin> b) => b.ToTable("user_logins");
}

internal sealed class CrmUserTokenConfiguration : IEntityTypeConfiguration<CrmUserToken>
{
    public void Configure(EntityTypeBuilder<CrmUserToken> b) => b.ToTable("user_tokens");
}

internal sealed class CrmRoleClaimConfiguration : IEntityTypeConfiguration<CrmRoleClaim>
{
    public void Configure(EntityTypeBuilder<CrmRoleClaim> b) => b.ToTable("role_claims");
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.ToTable("user_sessions");
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.Property(s => s.Device).HasMaxLength(200);
        b.Property(s => s.EndReason).HasConversion<string>().HasMaxLength(30);
        b.HasOne<CrmUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.TenantId, s.UserId, s.LastSeenAt });
    }
}

internal sealed class BackupRunConfiguration : IEntityTypeConfiguration<Features.Backups.BackupRun>
{
    public void Configure(EntityTypeBuilder<Features.Backups.BackupRun> b)
    {
        b.ToTable("backup_runs");
        b.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => r.RequestedAt);
    }
}

internal sealed class AccessReviewConfiguration : IEntityTypeConfiguration<Features.Access.Review.AccessReview>
{
    public void Configure(EntityTypeBuilder<Features.Access.Review.AccessReview> b)
    {
        b.ToTable("access_reviews");
        b.Property(r => r.Remarks).HasMaxLength(Features.Access.Review.AccessReview.RemarksMaxLength);
        b.Property(r => r.ReviewedByName).HasMaxLength(256);
        b.Property(r => r.ReportSha256).HasMaxLength(64);
        b.Property(r => r.ChainHeadHash).HasMaxLength(64);
        b.HasIndex(r => new { r.TenantId, r.ReviewedAt });
    }
}
