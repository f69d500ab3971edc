using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <summary>
    /// No schema change: the session check now calls <c>legalcrm_see_session</c>, which <see cref="DatabaseSecurity"/>
    /// creates when the database is migrated. This migration makes a database without it count as out of date, so the
    /// app refuses to start ("run migrate") instead of failing every signed-in request.
    /// </summary>
    public partial class SessionSeenFunction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
