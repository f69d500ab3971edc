using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <summary>A user's sign-in attempts, for the dashboard's "recent sign-ins" (decision 0023).</summary>
    public partial class SignInAttemptsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_sign_ins",
                table: "audit_entries",
                columns: new[] { "tenant_id", "user_id", "occurred_at" },
                filter: "action IN ('sign-in.succeeded', 'sign-in.failed', 'sign-in.locked-out', 'sign-in.two-factor-failed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_sign_ins",
                table: "audit_entries");
        }
    }
}
