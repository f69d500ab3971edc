using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <summary>
    /// The firm's dossiers by id, for the access check of a page's few dossiers under a prepared statement's generic
    /// plan (decision 0023).
    /// </summary>
    public partial class DossierTenantIdIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_dossiers_tenant_id_id",
                table: "dossiers",
                columns: new[] { "tenant_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossiers_tenant_id_id",
                table: "dossiers");
        }
    }
}
