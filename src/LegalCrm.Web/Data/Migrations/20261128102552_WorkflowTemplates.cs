using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflow_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    dossier_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    date_label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    offset_days = table.Column<int>(type: "integer", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: true),
                    deadline_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    assignee = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_steps", x => x.id);
                    table.CheckConstraint("ck_workflow_steps_offset", "offset_days BETWEEN 0 AND 3660");
                    table.ForeignKey(
                        name: "fk_workflow_steps_deadline_rules_rule_id",
                        column: x => x.rule_id,
                        principalTable: "deadline_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_workflow_steps_workflow_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "workflow_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_applications_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_workflow_applications_workflow_steps_step_id",
                        column: x => x.step_id,
                        principalTable: "workflow_steps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_applications_dossier_id",
                table: "workflow_applications",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_applications_step_id",
                table: "workflow_applications",
                column: "step_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_applications_tenant_id_dossier_id_step_id",
                table: "workflow_applications",
                columns: new[] { "tenant_id", "dossier_id", "step_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_steps_rule_id",
                table: "workflow_steps",
                column: "rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_steps_template_id",
                table: "workflow_steps",
                column: "template_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_steps_tenant_id_template_id_position",
                table: "workflow_steps",
                columns: new[] { "tenant_id", "template_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_templates_tenant_id_name",
                table: "workflow_templates",
                columns: new[] { "tenant_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_applications");

            migrationBuilder.DropTable(
                name: "workflow_steps");

            migrationBuilder.DropTable(
                name: "workflow_templates");
        }
    }
}
