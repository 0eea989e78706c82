using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssignmentVersionAndFrequencyKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_assignments_key",
                table: "assignments");

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "assignments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ux_assignments_key",
                table: "assignments",
                columns: new[] { "tenant", "framework_id", "reporting_unit", "target_unit", "role", "frequency", "valid_from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_assignments_key",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "version",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "ux_assignments_key",
                table: "assignments",
                columns: new[] { "tenant", "framework_id", "reporting_unit", "target_unit", "role", "valid_from" },
                unique: true);
        }
    }
}
