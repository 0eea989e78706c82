using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class GeneralAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Keep every existing line: the submission id becomes the entity id, and the lines written by the
            // assignment editor before this change (action 'assignment-edited') are typed as assignment lines.
            // ALTER ... USING rewrites the table without firing the append-only row trigger.
            migrationBuilder.DropIndex(name: "ix_audit_entries_submission", table: "audit_entries");
            migrationBuilder.Sql("""
                ALTER TABLE audit_entries RENAME COLUMN submission_id TO entity_id;
                ALTER TABLE audit_entries ALTER COLUMN entity_id TYPE character varying(200) USING entity_id::text;
                ALTER TABLE audit_entries ADD COLUMN entity_type character varying(20) NOT NULL DEFAULT '';
                ALTER TABLE audit_entries ALTER COLUMN entity_type TYPE character varying(20)
                    USING CASE WHEN action = 'assignment-edited' THEN 'assignment' ELSE 'submission' END;
                """);
            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_entity",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "entity_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "entity_type",
                table: "audit_entries");

            migrationBuilder.AddColumn<Guid>(
                name: "submission_id",
                table: "audit_entries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_submission",
                table: "audit_entries",
                columns: new[] { "submission_id", "at" });
        }
    }
}
