using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProcessingRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "processing_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    joint_controllers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    purposes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    lawful_basis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    lawful_basis_explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    data_subject_categories = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    personal_data_categories = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    special_categories = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    criminal_data = table.Column<bool>(type: "boolean", nullable: false),
                    recipients = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    third_country_transfers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    transfer_safeguard = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    retention_period = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    security_measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    stored_data = table.Column<string[]>(type: "text[]", nullable: false),
                    remarks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processing_activities", x => x.id);
                    table.CheckConstraint("ck_processing_activities_ended", "status <> 'Active' OR ended_on IS NULL");
                });

            migrationBuilder.CreateTable(
                name: "register_details",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    controller_contact = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    representative = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    protection_officer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    protection_officer_contact = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_register_details", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "register_exports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    exported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    exported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    activities = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_register_exports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_processing_activities_tenant_id_name",
                table: "processing_activities",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_register_details_tenant_id",
                table: "register_details",
                column: "tenant_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_register_exports_tenant_id_version",
                table: "register_exports",
                columns: new[] { "tenant_id", "version" },
                unique: true);

            // Firms from before the register: their privacy officers get the register permissions. (Their register
            // starts empty; the page offers the standard set.)
            migrationBuilder.Sql("""
                INSERT INTO role_permissions (tenant_id, role_id, permission)
                SELECT r.tenant_id, r.id, v.permission
                FROM roles r
                JOIN (VALUES ('privacy-officer', 'privacy.register'), ('privacy-officer', 'privacy.register.export')) v(role_key, permission)
                  ON r.built_in_key = v.role_key
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "processing_activities");

            migrationBuilder.DropTable(
                name: "register_details");

            migrationBuilder.DropTable(
                name: "register_exports");
        }
    }
}
