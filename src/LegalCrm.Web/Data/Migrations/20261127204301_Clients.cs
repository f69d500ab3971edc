using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Clients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<Guid>(
                name: "subject_id",
                table: "audit_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "subject_type",
                table: "audit_entries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    initials = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    first_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    name_particle = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    last_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    salutation = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    letter_greeting = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    preferred_language = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    legal_form = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    kvk_number = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    vat_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    website = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    iban = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    notes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    client_number = table.Column<int>(type: "integer", nullable: true),
                    client_since = table.Column<DateOnly>(type: "date", nullable: true),
                    responsible_lawyer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lawful_basis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    data_source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    restricted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    restriction_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    display_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    sort_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    sort_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    search_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contacts_asp_net_users_responsible_lawyer_id",
                        column: x => x.responsible_lawyer_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "number_sequences",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    last_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_number_sequences", x => new { x.tenant_id, x.name });
                });

            migrationBuilder.CreateTable(
                name: "contact_addresses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_addresses", x => x.id);
                    table.ForeignKey(
                        name: "fk_contact_addresses_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contact_emails",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    normalized_address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_emails", x => x.id);
                    table.ForeignKey(
                        name: "fk_contact_emails_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contact_phones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_phones", x => x.id);
                    table.ForeignKey(
                        name: "fk_contact_phones_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contact_relationships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_relationships", x => x.id);
                    table.ForeignKey(
                        name: "fk_contact_relationships_contacts_from_contact_id",
                        column: x => x.from_contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_contact_relationships_contacts_to_contact_id",
                        column: x => x.to_contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_tenant_id_subject_id_occurred_at",
                table: "audit_entries",
                columns: new[] { "tenant_id", "subject_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_addresses_contact_id",
                table: "contact_addresses",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_addresses_tenant_id_postal_code",
                table: "contact_addresses",
                columns: new[] { "tenant_id", "postal_code" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_emails_contact_id",
                table: "contact_emails",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_emails_tenant_id_normalized_address",
                table: "contact_emails",
                columns: new[] { "tenant_id", "normalized_address" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_phones_contact_id",
                table: "contact_phones",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_phones_tenant_id_number",
                table: "contact_phones",
                columns: new[] { "tenant_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_relationships_from_contact_id",
                table: "contact_relationships",
                column: "from_contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_relationships_tenant_id_from_contact_id",
                table: "contact_relationships",
                columns: new[] { "tenant_id", "from_contact_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_relationships_tenant_id_to_contact_id",
                table: "contact_relationships",
                columns: new[] { "tenant_id", "to_contact_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_relationships_to_contact_id",
                table: "contact_relationships",
                column: "to_contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_responsible_lawyer_id",
                table: "contacts",
                column: "responsible_lawyer_id");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_client_number",
                table: "contacts",
                columns: new[] { "tenant_id", "client_number" },
                unique: true,
                filter: "client_number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_kvk_number",
                table: "contacts",
                columns: new[] { "tenant_id", "kvk_number" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_responsible_lawyer_id",
                table: "contacts",
                columns: new[] { "tenant_id", "responsible_lawyer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_search_text",
                table: "contacts",
                columns: new[] { "tenant_id", "search_text" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_sort_key_id",
                table: "contacts",
                columns: new[] { "tenant_id", "sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_tags",
                table: "contacts",
                columns: new[] { "tenant_id", "tags" })
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "uuid_ops", "array_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_addresses");

            migrationBuilder.DropTable(
                name: "contact_emails");

            migrationBuilder.DropTable(
                name: "contact_phones");

            migrationBuilder.DropTable(
                name: "contact_relationships");

            migrationBuilder.DropTable(
                name: "number_sequences");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_tenant_id_subject_id_occurred_at",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "subject_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "subject_type",
                table: "audit_entries");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
