using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProcessorsAndDpias : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dpias",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    necessity_and_proportionality = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    risks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dpias", x => x.id);
                    table.ForeignKey(
                        name: "fk_dpias_processing_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "processing_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "processors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    service = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    agreement_signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    agreement_document = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    sub_processors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    data_categories = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    transfer_safeguard = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    next_review_on = table.Column<DateOnly>(type: "date", nullable: true),
                    remarks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    activity_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processors", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dpias_activity_id",
                table: "dpias",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_dpias_tenant_id_activity_id",
                table: "dpias",
                columns: new[] { "tenant_id", "activity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_processors_tenant_id_name",
                table: "processors",
                columns: new[] { "tenant_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dpias");

            migrationBuilder.DropTable(
                name: "processors");
        }
    }
}
