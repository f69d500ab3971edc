using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <summary>
    /// Indexes that answer the access rule's "my memberships" and the dashboard's "my (fatal) open deadlines" without
    /// reading the tables (decision 0023). Also brings the name search function's new signature (rank and sort key per
    /// hit, LIKE on the folded text), which <see cref="DatabaseSecurity"/> creates when the database is migrated.
    /// </summary>
    public partial class CoveringAccessIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossier_members_tenant_id_user_id",
                table: "dossier_members");

            migrationBuilder.DropIndex(
                name: "ix_deadlines_tenant_id_due_date_due_time_id",
                table: "deadlines");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_members_tenant_id_user_id",
                table: "dossier_members",
                columns: new[] { "tenant_id", "user_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "dossier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_tenant_id_due_date_due_time_id",
                table: "deadlines",
                columns: new[] { "tenant_id", "due_date", "due_time", "id" },
                filter: "status = 'Open'")
                .Annotation("Npgsql:IndexInclude", new[] { "responsible_user_ids", "kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dossier_members_tenant_id_user_id",
                table: "dossier_members");

            migrationBuilder.DropIndex(
                name: "ix_deadlines_tenant_id_due_date_due_time_id",
                table: "deadlines");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_members_tenant_id_user_id",
                table: "dossier_members",
                columns: new[] { "tenant_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_tenant_id_due_date_due_time_id",
                table: "deadlines",
                columns: new[] { "tenant_id", "due_date", "due_time", "id" },
                filter: "status = 'Open'")
                .Annotation("Npgsql:IndexInclude", new[] { "responsible_user_ids" });
        }
    }
}
