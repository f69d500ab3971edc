using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditEntityIdIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_tenant_id_entity_id",
                table: "audit_entries",
                columns: new[] { "tenant_id", "entity_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_tenant_id_entity_id",
                table: "audit_entries");
        }
    }
}
