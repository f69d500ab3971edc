using LegalCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.UnitTests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_model_has_no_changes_that_a_migration_does_not_cover()
    {
        using var db = new DesignTimeCrmDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project src/LegalCrm.Web --output-dir Data/Migrations");
    }

    [Fact]
    public void Tenant_tables_lead_their_keys_and_indexes_with_the_firm_except_the_global_sign_in_name_and_plain_foreign_keys()
    {
        using var db = new DesignTimeCrmDbContextFactory().CreateDbContext([]);
        // The full-text GIN index: led by the firm it intersected the word's entries with every row of the firm (decision 0009).
        var globalOnPurpose = new[] { "EmailIndex", "UserNameIndex", "RoleNameIndex", "ix_communications_search_vector" };

        var offenders = db.Model.GetEntityTypes()
            .Where(t => t.FindProperty("TenantId") is not null)
            .SelectMany(t => t.GetIndexes().Select(i => (Table: t.GetTableName(), Index: i)))
            .Where(x => x.Index.Properties[0].Name != "TenantId" && !globalOnPurpose.Contains(x.Index.GetDatabaseName()))
            // EF's own index for a foreign key to a random uuid: selective without the firm (see decision 0002).
            .Where(x => x.Index.IsUnique || !x.Index.DeclaringEntityType.GetForeignKeys().Any(fk => fk.Properties.SequenceEqual(x.Index.Properties)))
            .Select(x => $"{x.Table}: {x.Index.GetDatabaseName()}")
            .ToList();
        // Identity's store finds these rows by their key values (FindAsync(userId, roleId) etc.); their keys keep its shape.
        var identityLinkTables = new[] { "user_roles", "user_logins", "user_tokens" };
        var keys = db.Model.GetEntityTypes()
            .Where(t => t.FindProperty("TenantId") is not null && !identityLinkTables.Contains(t.GetTableName()))
            .Select(t => (Table: t.GetTableName(), Key: t.FindPrimaryKey()!))
            .Where(x => x.Key.Properties.Count > 1 && x.Key.Properties[0].Name != "TenantId")
            .Select(x => $"{x.Table}: primary key")
            .ToList();

        Assert.Empty(offenders);
        Assert.Empty(keys);
    }
}
