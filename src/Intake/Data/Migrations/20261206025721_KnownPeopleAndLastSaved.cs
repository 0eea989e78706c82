using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnownPeopleAndLastSaved : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_saved_at",
                table: "submissions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_saved_by",
                table: "submissions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Existing submissions: the last "edited" audit line says who saved last and when.
            migrationBuilder.Sql("""
                UPDATE submissions s SET last_saved_by = a.by, last_saved_at = a.at
                FROM (SELECT DISTINCT ON (entity_id) entity_id, by, at FROM audit_entries
                      WHERE entity_type = 'submission' AND action = 'edited' ORDER BY entity_id, at DESC) a
                WHERE a.entity_id = s.id::text;
                """);

            migrationBuilder.CreateTable(
                name: "known_people",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    username = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    email = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    org_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    roles = table.Column<string[]>(type: "text[]", nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_known_people", x => new { x.tenant, x.subject });
                });

            migrationBuilder.CreateIndex(
                name: "ix_known_people_unit",
                table: "known_people",
                columns: new[] { "tenant", "org_unit" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "known_people");

            migrationBuilder.DropColumn(
                name: "last_saved_at",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "last_saved_by",
                table: "submissions");
        }
    }
}
