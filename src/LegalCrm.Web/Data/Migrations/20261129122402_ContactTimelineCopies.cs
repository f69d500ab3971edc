using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactTimelineCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_communications_tenant_id_contact_id_occurred_at",
                table: "communications");

            migrationBuilder.DropIndex(
                name: "ix_communication_participants_tenant_id_contact_id",
                table: "communication_participants");

            migrationBuilder.AddColumn<string>(
                name: "direction",
                table: "communication_participants",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "dossier_id",
                table: "communication_participants",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "communication_participants",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "occurred_at",
                table: "communication_participants",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // The participant rows carry copies of their communication's dossier, date, kind and direction, kept here
            // in the database so no code path (editing, filing from the triage queue, a bulk fix) can leave them stale.
            migrationBuilder.Sql("""
                UPDATE communication_participants p
                SET dossier_id = c.dossier_id, occurred_at = c.occurred_at, kind = c.kind, direction = c.direction
                FROM communications c WHERE c.id = p.communication_id;

                CREATE OR REPLACE FUNCTION legalcrm_participant_copies() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    SELECT c.dossier_id, c.occurred_at, c.kind, c.direction INTO NEW.dossier_id, NEW.occurred_at, NEW.kind, NEW.direction
                    FROM communications c WHERE c.id = NEW.communication_id;
                    RETURN NEW;
                END
                $fn$;
                CREATE TRIGGER participant_copies BEFORE INSERT OR UPDATE ON communication_participants
                    FOR EACH ROW EXECUTE FUNCTION legalcrm_participant_copies();

                CREATE OR REPLACE FUNCTION legalcrm_communication_copies() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    UPDATE communication_participants
                    SET dossier_id = NEW.dossier_id, occurred_at = NEW.occurred_at, kind = NEW.kind, direction = NEW.direction
                    WHERE communication_id = NEW.id;
                    RETURN NULL;
                END
                $fn$;
                CREATE TRIGGER communication_copies AFTER UPDATE OF dossier_id, occurred_at, kind, direction ON communications
                    FOR EACH ROW
                    WHEN (OLD.dossier_id IS DISTINCT FROM NEW.dossier_id OR OLD.occurred_at IS DISTINCT FROM NEW.occurred_at
                          OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.direction IS DISTINCT FROM NEW.direction)
                    EXECUTE FUNCTION legalcrm_communication_copies();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_communications_tenant_id_contact_id_occurred_at",
                table: "communications",
                columns: new[] { "tenant_id", "contact_id", "occurred_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "id", "dossier_id", "kind", "direction" });

            migrationBuilder.CreateIndex(
                name: "ix_communication_participants_tenant_id_contact_id_occurred_at",
                table: "communication_participants",
                columns: new[] { "tenant_id", "contact_id", "occurred_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "communication_id", "dossier_id", "kind", "direction" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS communication_copies ON communications;
                DROP TRIGGER IF EXISTS participant_copies ON communication_participants;
                DROP FUNCTION IF EXISTS legalcrm_communication_copies();
                DROP FUNCTION IF EXISTS legalcrm_participant_copies();
                """);

            migrationBuilder.DropIndex(
                name: "ix_communications_tenant_id_contact_id_occurred_at",
                table: "communications");

            migrationBuilder.DropIndex(
                name: "ix_communication_participants_tenant_id_contact_id_occurred_at",
                table: "communication_participants");

            migrationBuilder.DropColumn(
                name: "direction",
                table: "communication_participants");

            migrationBuilder.DropColumn(
                name: "dossier_id",
                table: "communication_participants");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "communication_participants");

            migrationBuilder.DropColumn(
                name: "occurred_at",
                table: "communication_participants");

            migrationBuilder.CreateIndex(
                name: "ix_communications_tenant_id_contact_id_occurred_at",
                table: "communications",
                columns: new[] { "tenant_id", "contact_id", "occurred_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "id", "dossier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_communication_participants_tenant_id_contact_id",
                table: "communication_participants",
                columns: new[] { "tenant_id", "contact_id" });
        }
    }
}
