using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenDeadlinesIndexInListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deadlines_tenant_id_due_date",
                table: "deadlines");

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_tenant_id_due_date_due_time_id",
                table: "deadlines",
                columns: new[] { "tenant_id", "due_date", "due_time", "id" },
                filter: "status = 'Open'")
                .Annotation("Npgsql:IndexInclude", new[] { "responsible_user_ids" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deadlines_tenant_id_due_date_due_time_id",
                table: "deadlines");

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_tenant_id_due_date",
                table: "deadlines",
                columns: new[] { "tenant_id", "due_date" },
                filter: "status = 'Open'")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "responsible_user_ids" });
        }
    }
}
