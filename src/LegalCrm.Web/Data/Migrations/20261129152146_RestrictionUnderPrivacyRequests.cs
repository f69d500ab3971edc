using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RestrictionUnderPrivacyRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Restricting a contact (art. 18) is part of handling requests: privacy.manage becomes privacy.requests.
            migrationBuilder.Sql("""
                INSERT INTO role_permissions (tenant_id, role_id, permission)
                SELECT tenant_id, role_id, 'privacy.requests' FROM role_permissions WHERE permission = 'privacy.manage'
                ON CONFLICT DO NOTHING;
                DELETE FROM role_permissions WHERE permission = 'privacy.manage';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
