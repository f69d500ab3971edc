using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommunicationContactIndexCoversIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_communications_tenant_id_contact_id_occurred_at",
                table: "communications");

            migrationBuilder.CreateIndex(
                name: "ix_communications_tenant_id_contact_id_occurred_at",
                table: "communications",
                columns: new[] { "tenant_id", "contact_id", "occurred_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "id", "dossier_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_communications_tenant_id_contact_id_occurred_at",
                table: "communications");

            migrationBuilder.CreateIndex(
                name: "ix_communications_tenant_id_contact_id_occurred_at",
                table: "communications",
                columns: new[] { "tenant_id", "contact_id", "occurred_at" });
        }
    }
}
