using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommunicationSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_communications_tenant_id_search_vector",
                table: "communications");

            migrationBuilder.CreateIndex(
                name: "ix_communications_search_vector",
                table: "communications",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_communications_tenant_id_occurred_at",
                table: "communications",
                columns: new[] { "tenant_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_communications_search_vector",
                table: "communications");

            migrationBuilder.DropIndex(
                name: "ix_communications_tenant_id_occurred_at",
                table: "communications");

            migrationBuilder.CreateIndex(
                name: "ix_communications_tenant_id_search_vector",
                table: "communications",
                columns: new[] { "tenant_id", "search_vector" })
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
