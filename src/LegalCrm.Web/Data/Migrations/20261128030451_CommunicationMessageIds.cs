using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommunicationMessageIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "message_id",
                table: "communications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_communications_tenant_id_message_id",
                table: "communications",
                columns: new[] { "tenant_id", "message_id" },
                unique: true,
                filter: "message_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_communications_tenant_id_message_id",
                table: "communications");

            migrationBuilder.DropColumn(
                name: "message_id",
                table: "communications");
        }
    }
}
