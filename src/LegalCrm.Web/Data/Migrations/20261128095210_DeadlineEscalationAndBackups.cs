using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeadlineEscalationAndBackups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "backup_user_id",
                table: "users",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "office_manager_user_id",
                table: "firms",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "escalated_at",
                table: "deadlines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_backup_user_id",
                table: "users",
                column: "backup_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_firms_office_manager_user_id",
                table: "firms",
                column: "office_manager_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_deadlines_escalation",
                table: "deadlines",
                columns: new[] { "tenant_id", "due_date" },
                filter: "status = 'Open' AND kind = 'Fatal' AND escalated_at IS NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_firms_users_office_manager_user_id",
                table: "firms",
                column: "office_manager_user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_users_users_backup_user_id",
                table: "users",
                column: "backup_user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_firms_users_office_manager_user_id",
                table: "firms");

            migrationBuilder.DropForeignKey(
                name: "fk_users_users_backup_user_id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_users_backup_user_id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_firms_office_manager_user_id",
                table: "firms");

            migrationBuilder.DropIndex(
                name: "ix_deadlines_escalation",
                table: "deadlines");

            migrationBuilder.DropColumn(
                name: "backup_user_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "office_manager_user_id",
                table: "firms");

            migrationBuilder.DropColumn(
                name: "escalated_at",
                table: "deadlines");
        }
    }
}
