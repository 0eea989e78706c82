using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.MonthlyScoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScoringInputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "approved_values",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    framework_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    input_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "jsonb", nullable: false),
                    framework_version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_revision = table.Column<int>(type: "integer", nullable: false),
                    reporting_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    derived = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approved_values", x => new { x.tenant, x.framework_id, x.period, x.unit, x.input_key });
                });

            migrationBuilder.CreateTable(
                name: "closed_periods",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    framework_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_closed_periods", x => new { x.tenant, x.framework_id, x.period, x.level });
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    peer_groups = table.Column<string[]>(type: "text[]", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units", x => new { x.tenant, x.code });
                });

            migrationBuilder.CreateIndex(
                name: "ix_units_peer_groups",
                table: "units",
                column: "peer_groups")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approved_values");

            migrationBuilder.DropTable(
                name: "closed_periods");

            migrationBuilder.DropTable(
                name: "units");
        }
    }
}
