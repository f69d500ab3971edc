using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deadline_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    event_label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    amount = table.Column<int>(type: "integer", nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    atw_applies = table.Column<bool>(type: "boolean", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadline_rules", x => x.id);
                    table.CheckConstraint("ck_deadline_rules_amount", "amount > 0");
                });

            migrationBuilder.CreateTable(
                name: "designated_holidays",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_designated_holidays", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deadlines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rule_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    event_date = table.Column<DateOnly>(type: "date", nullable: true),
                    calculation = table.Column<string>(type: "jsonb", nullable: true),
                    responsible_user_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    reminder_days = table.Column<List<int>>(type: "integer[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    completed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    completed_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    change_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadlines", x => x.id);
                    table.CheckConstraint("ck_deadlines_cancelled", "status <> 'Cancelled' OR cancel_reason IS NOT NULL");
                    table.CheckConstraint("ck_deadlines_done", "(status = 'Done') = (completed_on IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_deadlines_deadline_rules_rule_id",
                        column: x => x.rule_id,
                        principalTable: "deadline_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_deadlines_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deadline_rules_tenant_id_name",
                table: "deadline_rules",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_dossier_id",
                table: "deadlines",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_rule_id",
                table: "deadlines",
                column: "rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_tenant_id_dossier_id_due_date",
                table: "deadlines",
                columns: new[] { "tenant_id", "dossier_id", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_tenant_id_due_date",
                table: "deadlines",
                columns: new[] { "tenant_id", "due_date" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_designated_holidays_tenant_id_date",
                table: "designated_holidays",
                columns: new[] { "tenant_id", "date" },
                unique: true);

            // Firms that already exist get what new firms get (BuiltInRoles, DeadlineRules): the permissions on their
            // built-in roles, the starting rule templates and the designated days of the decree in force.
            migrationBuilder.Sql("""
                INSERT INTO role_permissions (tenant_id, role_id, permission)
                SELECT r.tenant_id, r.id, v.permission
                FROM roles r
                JOIN (VALUES ('admin', 'deadlines.read'), ('admin', 'deadlines.write'), ('admin', 'deadlines.fatal.manage'), ('admin', 'tasks.read'),
                             ('admin', 'tasks.write'), ('admin', 'workflow.configure'), ('admin', 'holidays.configure'),
                             ('lawyer', 'deadlines.read'), ('lawyer', 'deadlines.write'), ('lawyer', 'deadlines.fatal.manage'), ('lawyer', 'tasks.read'), ('lawyer', 'tasks.write'),
                             ('assistant', 'deadlines.read'), ('assistant', 'deadlines.write'), ('assistant', 'tasks.read'), ('assistant', 'tasks.write'),
                             ('read-only', 'deadlines.read'), ('read-only', 'tasks.read')) v(role_key, permission)
                  ON r.built_in_key = v.role_key
                ON CONFLICT DO NOTHING;

                INSERT INTO deadline_rules (id, tenant_id, name, legal_basis, event_label, amount, unit, direction, start, atw_applies, kind, is_active)
                SELECT gen_random_uuid(), f.id, v.name, v.basis, v.label, v.amount, v.unit, 'Forward', 'DayAfterEvent', true, 'Fatal', true
                FROM firms f
                CROSS JOIN (VALUES ('Hoger beroep', 'art. 339 Rv', 'Datum vonnis', 3, 'Months'),
                                   ('Cassatie', 'art. 402 Rv', 'Datum arrest', 3, 'Months'),
                                   ('Bezwaar', 'art. 6:7 Awb', 'Datum bekendmaking besluit', 6, 'Weeks'),
                                   ('Beroep', 'art. 6:7 Awb', 'Datum bekendmaking besluit', 6, 'Weeks'),
                                   ('Verzet tegen verstekvonnis', 'art. 143 Rv', 'Datum betekening', 4, 'Weeks')) v(name, basis, label, amount, unit)
                ON CONFLICT DO NOTHING;

                INSERT INTO designated_holidays (id, tenant_id, date, description)
                SELECT gen_random_uuid(), f.id, v.day::date, 'Besluit gelijkstelling dagen Algemene termijnenwet 2026-2028'
                FROM firms f
                CROSS JOIN (VALUES ('2026-01-02'), ('2026-05-15'), ('2027-05-07'), ('2028-04-28'), ('2028-05-26')) v(day)
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deadlines");

            migrationBuilder.DropTable(
                name: "designated_holidays");

            migrationBuilder.DropTable(
                name: "deadline_rules");
        }
    }
}
