using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TeamAccessIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_members_tenant_id_user_id",
                table: "team_members");

            migrationBuilder.DropIndex(
                name: "ix_dossier_teams_tenant_id_team_id",
                table: "dossier_teams");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_tenant_id_user_id_team_id",
                table: "team_members",
                columns: new[] { "tenant_id", "user_id", "team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_teams_tenant_id_team_id_dossier_id",
                table: "dossier_teams",
                columns: new[] { "tenant_id", "team_id", "dossier_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_members_tenant_id_user_id_team_id",
                table: "team_members");

            migrationBuilder.DropIndex(
                name: "ix_dossier_teams_tenant_id_team_id_dossier_id",
                table: "dossier_teams");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_tenant_id_user_id",
                table: "team_members",
                columns: new[] { "tenant_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_teams_tenant_id_team_id",
                table: "dossier_teams",
                columns: new[] { "tenant_id", "team_id" });
        }
    }
}
