using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccessAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Firms from before the role editor, reviews, backups and audit verification: their admins get them, and
            // privacy officers may verify the audit trail.
            migrationBuilder.Sql("""
                INSERT INTO role_permissions (tenant_id, role_id, permission)
                SELECT r.tenant_id, r.id, p.permission
                FROM roles r CROSS JOIN unnest(ARRAY['admin.roles', 'admin.review', 'admin.backup', 'admin.audit.verify']) AS p(permission)
                WHERE r.built_in_key = 'admin'
                UNION ALL
                SELECT r.tenant_id, r.id, 'admin.audit.verify' FROM roles r WHERE r.built_in_key = 'privacy-officer'
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
