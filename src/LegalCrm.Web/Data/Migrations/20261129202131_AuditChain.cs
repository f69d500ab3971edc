using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long[]>(
                name: "anonymised_by",
                table: "audit_entries",
                type: "bigint[]",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "chain_hash",
                table: "audit_entries",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "chain_seq",
                table: "audit_entries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "changes_digest",
                table: "audit_entries",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_verifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by_name = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rows_to_check = table.Column<long>(type: "bigint", nullable: false),
                    rows_checked = table.Column<long>(type: "bigint", nullable: false),
                    rows_anonymised = table.Column<long>(type: "bigint", nullable: false),
                    rows_unsealed = table.Column<long>(type: "bigint", nullable: false),
                    head_seq = table.Column<long>(type: "bigint", nullable: false),
                    head_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    problem_count = table.Column<long>(type: "bigint", nullable: false),
                    problems = table.Column<string>(type: "jsonb", nullable: true),
                    failure = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_verifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "firm_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    protected_key = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_firm_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_tenant_id_chain_seq",
                table: "audit_entries",
                columns: new[] { "tenant_id", "chain_seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_unsealed",
                table: "audit_entries",
                columns: new[] { "tenant_id", "id" },
                filter: "chain_seq IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_audit_verifications_tenant_id_requested_at",
                table: "audit_verifications",
                columns: new[] { "tenant_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_firm_keys_tenant_id_purpose_version",
                table: "firm_keys",
                columns: new[] { "tenant_id", "purpose", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_verifications");

            migrationBuilder.DropTable(
                name: "firm_keys");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_tenant_id_chain_seq",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_unsealed",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "anonymised_by",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "chain_hash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "chain_seq",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "changes_digest",
                table: "audit_entries");
        }
    }
}
