using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Breaches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "breaches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    discovered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ongoing = table.Column<bool>(type: "boolean", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    contact_person = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    confidentiality = table.Column<bool>(type: "boolean", nullable: false),
                    integrity = table.Column<bool>(type: "boolean", nullable: false),
                    availability = table.Column<bool>(type: "boolean", nullable: false),
                    data_categories = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    special_categories = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    affected_groups = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    people_affected = table.Column<int>(type: "integer", nullable: true),
                    records_affected = table.Column<int>(type: "integer", nullable: true),
                    data_encrypted = table.Column<bool>(type: "boolean", nullable: true),
                    cross_border = table.Column<bool>(type: "boolean", nullable: false),
                    likely_consequences = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    measures_taken = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    measures_proposed = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    risk = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    risk_reasoning = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    authority_decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    authority_decision_reasoning = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    authority_notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    authority_reference = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    delay_reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    subjects_decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subjects_exemption = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    subjects_decision_reasoning = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    subjects_informed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    subjects_message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breaches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "breach_follow_ups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    breach_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breach_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_breach_follow_ups_breaches_breach_id",
                        column: x => x.breach_id,
                        principalTable: "breaches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_breach_follow_ups_breach_id",
                table: "breach_follow_ups",
                column: "breach_id");

            migrationBuilder.CreateIndex(
                name: "ix_breach_follow_ups_tenant_id_breach_id_sent_at",
                table: "breach_follow_ups",
                columns: new[] { "tenant_id", "breach_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_breaches_tenant_id_number",
                table: "breaches",
                columns: new[] { "tenant_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_breaches_tenant_id_status_discovered_at",
                table: "breaches",
                columns: new[] { "tenant_id", "status", "discovered_at" });

            // Firms from before the breach register: their privacy officers and admins get it (and its alerts).
            migrationBuilder.Sql("""
                INSERT INTO role_permissions (tenant_id, role_id, permission)
                SELECT r.tenant_id, r.id, 'privacy.breaches' FROM roles r WHERE r.built_in_key IN ('privacy-officer', 'admin')
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "breach_follow_ups");

            migrationBuilder.DropTable(
                name: "breaches");
        }
    }
}
