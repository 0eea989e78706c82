using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organisation_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    peer_groups = table.Column<string[]>(type: "text[]", nullable: false),
                    formed_from = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_units", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_organisation_units_parent",
                table: "organisation_units",
                columns: new[] { "tenant", "parent_code" });

            migrationBuilder.CreateIndex(
                name: "ux_organisation_units_current",
                table: "organisation_units",
                columns: new[] { "tenant", "code" },
                unique: true,
                filter: "valid_to IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_organisation_units_revision",
                table: "organisation_units",
                columns: new[] { "tenant", "code", "revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organisation_units");
        }
    }
}
