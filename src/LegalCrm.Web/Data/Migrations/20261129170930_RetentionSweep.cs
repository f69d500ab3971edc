using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetentionSweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "retention_mode",
                table: "firms",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Approval");

            migrationBuilder.AddColumn<string>(
                name: "category",
                table: "erasure_log",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reason",
                table: "erasure_log",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "record",
                table: "erasure_log",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "subject_id",
                table: "erasure_log",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "anonymised_at",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "anonymised_at",
                table: "contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_tenant_id_closed_on",
                table: "dossiers",
                columns: new[] { "tenant_id", "closed_on" },
                filter: "closed_on IS NOT NULL");

            // Contacts pseudonymised by an erasure before this column existed.
            migrationBuilder.Sql("UPDATE contacts SET anonymised_at = updated_at WHERE updated_by = 'erasure'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossiers_tenant_id_closed_on",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "retention_mode",
                table: "firms");

            migrationBuilder.DropColumn(
                name: "category",
                table: "erasure_log");

            migrationBuilder.DropColumn(
                name: "reason",
                table: "erasure_log");

            migrationBuilder.DropColumn(
                name: "record",
                table: "erasure_log");

            migrationBuilder.DropColumn(
                name: "subject_id",
                table: "erasure_log");

            migrationBuilder.DropColumn(
                name: "anonymised_at",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "anonymised_at",
                table: "contacts");
        }
    }
}
