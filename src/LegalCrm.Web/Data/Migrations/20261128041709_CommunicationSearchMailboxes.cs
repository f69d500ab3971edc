using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommunicationSearchMailboxes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            // Dutch full-text search that ignores accents: unaccent before the Dutch Snowball stemmer (decision 0009).
            migrationBuilder.Sql("""
                CREATE TEXT SEARCH CONFIGURATION public.legalcrm_dutch (COPY = pg_catalog.dutch);
                ALTER TEXT SEARCH CONFIGURATION public.legalcrm_dutch
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH public.unaccent, dutch_stem;
                """);

            migrationBuilder.AddColumn<int>(
                name: "communication_edit_hours",
                table: "firms",
                type: "integer",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AddColumn<string>(
                name: "body_markdown",
                table: "communications",
                type: "character varying(100000)",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "participant_names",
                table: "communications",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "communications",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('public.legalcrm_dutch', coalesce(subject, '')), 'A') || setweight(to_tsvector('public.legalcrm_dutch', participant_names), 'B') || setweight(to_tsvector('public.legalcrm_dutch', left(body_html, 400000)), 'C')",
                stored: true);

            migrationBuilder.CreateTable(
                name: "mailboxes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    host = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    port = table.Column<int>(type: "integer", nullable: false),
                    security = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    user_name = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    encrypted_password = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    folder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    uid_validity = table.Column<long>(type: "bigint", nullable: false),
                    last_uid = table.Column<long>(type: "bigint", nullable: false),
                    last_polled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_succeeded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    consecutive_failures = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    messages_filed = table.Column<int>(type: "integer", nullable: false),
                    messages_to_triage = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mailboxes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "triage_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    mailbox_id = table.Column<Guid>(type: "uuid", nullable: true),
                    message_key = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    from_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    from_address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    attachment_count = table.Column<int>(type: "integer", nullable: false),
                    suggested_dossier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    content = table.Column<byte[]>(type: "bytea", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    communication_id = table.Column<Guid>(type: "uuid", nullable: true),
                    handled_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_triage_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_triage_messages_communications_communication_id",
                        column: x => x.communication_id,
                        principalTable: "communications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_triage_messages_dossiers_suggested_dossier_id",
                        column: x => x.suggested_dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_triage_messages_mailboxes_mailbox_id",
                        column: x => x.mailbox_id,
                        principalTable: "mailboxes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.Sql("""
                UPDATE communications c SET participant_names = names.text
                FROM (SELECT communication_id, string_agg(CASE WHEN address IS NULL THEN name ELSE name || ' <' || address || '>' END, ' · ' ORDER BY id) AS text
                      FROM communication_participants GROUP BY communication_id) AS names
                WHERE names.communication_id = c.id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_communications_tenant_id_search_vector",
                table: "communications",
                columns: new[] { "tenant_id", "search_vector" })
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_mailboxes_tenant_id",
                table: "mailboxes",
                column: "tenant_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_triage_messages_communication_id",
                table: "triage_messages",
                column: "communication_id");

            migrationBuilder.CreateIndex(
                name: "ix_triage_messages_mailbox_id",
                table: "triage_messages",
                column: "mailbox_id");

            migrationBuilder.CreateIndex(
                name: "ix_triage_messages_suggested_dossier_id",
                table: "triage_messages",
                column: "suggested_dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_triage_messages_tenant_id_message_key",
                table: "triage_messages",
                columns: new[] { "tenant_id", "message_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_triage_messages_tenant_id_status_received_at",
                table: "triage_messages",
                columns: new[] { "tenant_id", "status", "received_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "triage_messages");

            migrationBuilder.DropTable(
                name: "mailboxes");

            migrationBuilder.DropIndex(
                name: "ix_communications_tenant_id_search_vector",
                table: "communications");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "communications");

            migrationBuilder.DropColumn(
                name: "communication_edit_hours",
                table: "firms");

            migrationBuilder.DropColumn(
                name: "body_markdown",
                table: "communications");

            migrationBuilder.DropColumn(
                name: "participant_names",
                table: "communications");

            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION public.legalcrm_dutch;");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");
        }
    }
}
