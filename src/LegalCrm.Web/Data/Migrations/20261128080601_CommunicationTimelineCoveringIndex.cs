using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommunicationTimelineCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_communications_tenant_id_id",
                table: "communications",
                columns: new[] { "tenant_id", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "dossier_id", "occurred_at", "kind", "direction" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_communications_tenant_id_id",
                table: "communications");
        }
    }
}
