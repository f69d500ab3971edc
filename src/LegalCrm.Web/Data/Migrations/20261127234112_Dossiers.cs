using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Dossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "dossier_number_format",
                table: "firms",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "{YYYY}-{NNNN}");

            migrationBuilder.AddColumn<List<string>>(
                name: "practice_areas",
                table: "firms",
                type: "text[]",
                nullable: false,
                defaultValueSql: "ARRAY['Arbeidsrecht', 'Familierecht', 'Huurrecht', 'Ondernemingsrecht', 'Contractenrecht', 'Bestuursrecht', 'Strafrecht', 'Letselschade', 'Vastgoed', 'Insolventierecht']::text[]");

            migrationBuilder.CreateTable(
                name: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    practice_area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    dossier_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    responsible_lawyer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fee_arrangement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    legal_aid_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    court_case_numbers = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossiers", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossiers_users_responsible_lawyer_id",
                        column: x => x.responsible_lawyer_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conflict_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    run_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    run_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    searched = table.Column<string>(type: "jsonb", nullable: false),
                    hits = table.Column<string>(type: "jsonb", nullable: false),
                    hit_count = table.Column<int>(type: "integer", nullable: false),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conflict_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_conflict_checks_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dossier_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossier_members_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_dossier_members_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_parties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_parties", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossier_parties_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dossier_parties_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossier_status_changes_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ethical_walls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    client_contact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ethical_walls", x => x.id);
                    table.CheckConstraint("ck_ethical_walls_target", "(dossier_id IS NULL) <> (client_contact_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_ethical_walls_contacts_client_contact_id",
                        column: x => x.client_contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ethical_walls_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ethical_walls_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conflict_checks_dossier_id",
                table: "conflict_checks",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_conflict_checks_tenant_id_dossier_id_run_at",
                table: "conflict_checks",
                columns: new[] { "tenant_id", "dossier_id", "run_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_members_dossier_id",
                table: "dossier_members",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_members_tenant_id_dossier_id_user_id",
                table: "dossier_members",
                columns: new[] { "tenant_id", "dossier_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dossier_members_tenant_id_user_id",
                table: "dossier_members",
                columns: new[] { "tenant_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_members_user_id",
                table: "dossier_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_parties_contact_id",
                table: "dossier_parties",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_parties_dossier_id",
                table: "dossier_parties",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_parties_tenant_id_contact_id",
                table: "dossier_parties",
                columns: new[] { "tenant_id", "contact_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_parties_tenant_id_dossier_id_contact_id_role",
                table: "dossier_parties",
                columns: new[] { "tenant_id", "dossier_id", "contact_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dossier_status_changes_dossier_id",
                table: "dossier_status_changes",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_status_changes_tenant_id_dossier_id_at",
                table: "dossier_status_changes",
                columns: new[] { "tenant_id", "dossier_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_responsible_lawyer_id",
                table: "dossiers",
                column: "responsible_lawyer_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_tenant_id_number",
                table: "dossiers",
                columns: new[] { "tenant_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_tenant_id_responsible_lawyer_id_status",
                table: "dossiers",
                columns: new[] { "tenant_id", "responsible_lawyer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_tenant_id_status_created_at",
                table: "dossiers",
                columns: new[] { "tenant_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ethical_walls_client_contact_id",
                table: "ethical_walls",
                column: "client_contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_ethical_walls_dossier_id",
                table: "ethical_walls",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_ethical_walls_tenant_id_user_id",
                table: "ethical_walls",
                columns: new[] { "tenant_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ethical_walls_user_id",
                table: "ethical_walls",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conflict_checks");

            migrationBuilder.DropTable(
                name: "dossier_members");

            migrationBuilder.DropTable(
                name: "dossier_parties");

            migrationBuilder.DropTable(
                name: "dossier_status_changes");

            migrationBuilder.DropTable(
                name: "ethical_walls");

            migrationBuilder.DropTable(
                name: "dossiers");

            migrationBuilder.DropColumn(
                name: "dossier_number_format",
                table: "firms");

            migrationBuilder.DropColumn(
                name: "practice_areas",
                table: "firms");
        }
    }
}
