using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetentionPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "retention_policies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    practice_area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    period_months = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_policies", x => x.id);
                    table.CheckConstraint("ck_retention_policies_period", "period_months BETWEEN 1 AND 360");
                });

            migrationBuilder.CreateIndex(
                name: "ix_retention_policies_tenant_id_category_practice_area",
                table: "retention_policies",
                columns: new[] { "tenant_id", "category", "practice_area" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            // Firms from before retention policies start with the same four as a new firm.
            migrationBuilder.Sql("""
                INSERT INTO retention_policies (id, tenant_id, category, practice_area, period_months, starts_at, action, basis, updated_at)
                SELECT gen_random_uuid(), f.id, p.category, NULL, p.months, p.starts_at, p.action, p.basis, now()
                FROM firms f CROSS JOIN (VALUES
                    ('ClosedDossiers', 60, 'DossierClosed', 'Delete', 'Verordening op de advocatuur; verjaring beroepsaansprakelijkheid (art. 3:310 BW)'),
                    ('BillingData', 84, 'DossierClosed', 'Delete', 'Fiscale bewaarplicht (art. 52 AWR)'),
                    ('WwftRecords', 60, 'RelationshipEnded', 'Anonymise', 'Art. 33 Wwft'),
                    ('Prospects', 12, 'LastContact', 'Delete', 'Gerechtvaardigd belang; niet langer dan nodig (art. 5 lid 1 e AVG)')
                ) AS p(category, months, starts_at, action, basis)
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retention_policies");
        }
    }
}
