using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Communications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "communications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    duration_minutes = table.Column<int>(type: "integer", nullable: true),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    delivery = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    confidential = table.Column<bool>(type: "boolean", nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_communications", x => x.id);
                    table.CheckConstraint("ck_communications_linked", "dossier_id IS NOT NULL OR contact_id IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_communications_asp_net_users_author_user_id",
                        column: x => x.author_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_communications_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_communications_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "communication_participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    communication_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_communication_participants", x => x.id);
                    table.CheckConstraint("ck_communication_participants_who", "contact_id IS NOT NULL OR user_id IS NOT NULL OR address IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_communication_participants_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_communication_participants_communications_communication_id",
                        column: x => x.communication_id,
                        principalTable: "communications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_communication_participants_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_communication_participants_communication_id",
                table: "communication_participants",
                column: "communication_id");

            migrationBuilder.CreateIndex(
                name: "ix_communication_participants_contact_id",
                table: "communication_participants",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_communication_participants_tenant_id_contact_id",
                table: "communication_participants",
                columns: new[] { "tenant_id", "contact_id" });

            migrationBuilder.CreateIndex(
                name: "ix_communication_participants_user_id",
                table: "communication_participants",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_communications_author_user_id",
                table: "communications",
                column: "author_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_communications_contact_id",
                table: "communications",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_communications_dossier_id",
                table: "communications",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_communications_tenant_id_contact_id_occurred_at",
                table: "communications",
                columns: new[] { "tenant_id", "contact_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_communications_tenant_id_dossier_id_occurred_at",
                table: "communications",
                columns: new[] { "tenant_id", "dossier_id", "occurred_at" });

            // The built-in roles of firms that already exist get the new permissions, as new firms do (BuiltInRoles).
            migrationBuilder.Sql("""
                INSERT INTO role_permissions (tenant_id, role_id, permission)
                SELECT r.tenant_id, r.id, v.permission
                FROM roles r
                JOIN (VALUES ('admin', 'communications.read'), ('admin', 'communications.write'), ('admin', 'communications.manage'),
                             ('admin', 'mailbox.configure'), ('lawyer', 'communications.read'), ('lawyer', 'communications.write'),
                             ('assistant', 'communications.read'), ('assistant', 'communications.write'), ('read-only', 'communications.read')) v(role_key, permission)
                  ON r.built_in_key = v.role_key
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "communication_participants");

            migrationBuilder.DropTable(
                name: "communications");
        }
    }
}
