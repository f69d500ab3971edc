using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DataSubjectRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_subject_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    person_details = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    identity_verified_how = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    identity_verified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    identity_verified_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    extension_months = table.Column<int>(type: "integer", nullable: false),
                    extension_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    extension_told_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_subject_requests", x => x.id);
                    table.CheckConstraint("ck_data_subject_requests_extension", "extension_months BETWEEN 0 AND 2");
                    table.ForeignKey(
                        name: "fk_data_subject_requests_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_contact_id",
                table: "data_subject_requests",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_subject_requests_tenant_id_status_received_on",
                table: "data_subject_requests",
                columns: new[] { "tenant_id", "status", "received_on" });

            // Firms from before the request log: their privacy officers get it.
            migrationBuilder.Sql("""
                INSERT INTO role_permissions (tenant_id, role_id, permission)
                SELECT r.tenant_id, r.id, 'privacy.requests' FROM roles r WHERE r.built_in_key = 'privacy-officer'
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_subject_requests");
        }
    }
}
