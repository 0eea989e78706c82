using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.MonthlyScoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScoreRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "score_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    framework_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    framework_version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    peer_group = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: true),
                    supersedes = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    input = table.Column<string>(type: "text", nullable: false),
                    result = table.Column<string>(type: "text", nullable: false),
                    changed_units = table.Column<string[]>(type: "text[]", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_score_runs", x => x.id);
                    table.CheckConstraint("ck_score_runs_kind", "(kind = 'provisional' AND revision IS NULL) OR (kind = 'official' AND revision >= 1)");
                    table.ForeignKey(
                        name: "FK_score_runs_score_runs_supersedes",
                        column: x => x.supersedes,
                        principalTable: "score_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_score_runs_period",
                table: "score_runs",
                columns: new[] { "tenant", "peer_group", "period" });

            migrationBuilder.CreateIndex(
                name: "IX_score_runs_supersedes",
                table: "score_runs",
                column: "supersedes");

            migrationBuilder.CreateIndex(
                name: "ux_score_runs_revision",
                table: "score_runs",
                columns: new[] { "tenant", "framework_id", "period", "peer_group", "revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "score_runs");
        }
    }
}
