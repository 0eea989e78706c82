using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubmissionReturns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "submission_returns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    returned_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    values = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submission_returns", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_submission_returns_submission",
                table: "submission_returns",
                columns: new[] { "submission_id", "version" });

            // Returns made before this table: their reason and time from the audit log, in the order they happened; the
            // values they were returned with were not kept (null: the reviewer sees the reason only).
            migrationBuilder.Sql("""
                INSERT INTO submission_returns (id, submission_id, version, returned_at, returned_by, reason, "values")
                SELECT a.id, a.entity_id::uuid,
                       row_number() OVER (PARTITION BY a.entity_id ORDER BY a.at, a.id)::integer,
                       a.at, a."by", coalesce(a.detail, ''), NULL
                FROM audit_entries a
                WHERE a.entity_type = 'submission' AND a.action = 'returned';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "submission_returns");
        }
    }
}
