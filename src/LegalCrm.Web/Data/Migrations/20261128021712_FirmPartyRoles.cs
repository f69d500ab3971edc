using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalCrm.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FirmPartyRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "party_roles",
                table: "firms",
                type: "text[]",
                nullable: false,
                defaultValueSql: "ARRAY['Curator', 'Mediator', 'Tolk', 'Getuige']::text[]");

            migrationBuilder.AddColumn<string>(
                name: "role_label",
                table: "dossier_parties",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "party_roles",
                table: "firms");

            migrationBuilder.DropColumn(
                name: "role_label",
                table: "dossier_parties");
        }
    }
}
