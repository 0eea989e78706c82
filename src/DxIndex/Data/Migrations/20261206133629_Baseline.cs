using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.DxIndex.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_criterion_approvals",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annual_criterion_approvals", x => new { x.tenant, x.submission_id });
                });

            migrationBuilder.CreateTable(
                name: "annual_criterion_values",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    criterion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false),
                    reference_year = table.Column<int>(type: "integer", nullable: false),
                    source_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reporting_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_revision = table.Column<int>(type: "integer", nullable: false),
                    framework_version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annual_criterion_values", x => new { x.tenant, x.province, x.year, x.criterion });
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dti_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    indicator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    action = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    owner_agency = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    progress = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dti_actions", x => x.id);
                    table.CheckConstraint("ck_dti_actions_progress", "progress BETWEEN 0 AND 100");
                });

            migrationBuilder.CreateTable(
                name: "dti_approved_values",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    framework_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    year = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    input_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "jsonb", nullable: false),
                    framework_version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_revision = table.Column<int>(type: "integer", nullable: false),
                    reporting_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dti_approved_values", x => new { x.tenant, x.framework_id, x.year, x.unit, x.input_key });
                });

            migrationBuilder.CreateTable(
                name: "dti_closed_years",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    year = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dti_closed_years", x => new { x.tenant, x.year });
                });

            migrationBuilder.CreateTable(
                name: "dti_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    framework_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    framework_version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    year = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    supersedes = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    changed_units = table.Column<string[]>(type: "text[]", nullable: true),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    input = table.Column<string>(type: "text", nullable: false),
                    result = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dti_runs", x => x.id);
                    table.CheckConstraint("ck_dti_runs_revision", "revision >= 1");
                    table.ForeignKey(
                        name: "FK_dti_runs_dti_runs_supersedes",
                        column: x => x.supersedes,
                        principalTable: "dti_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "framework_versions",
                columns: table => new
                {
                    framework_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    effective_from = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    definition = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_framework_versions", x => new { x.framework_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "nq57_assessments",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    framework_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    framework_version = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    state_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    return_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    values = table.Column<string>(type: "jsonb", nullable: true),
                    reviewer_scores = table.Column<string>(type: "jsonb", nullable: true),
                    reviewer_comments = table.Column<string>(type: "jsonb", nullable: true),
                    demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nq57_assessments", x => new { x.tenant, x.framework_id, x.period, x.unit });
                });

            migrationBuilder.CreateTable(
                name: "nq57_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    framework_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decision_revision = table.Column<int>(type: "integer", nullable: false),
                    assessment_revision = table.Column<int>(type: "integer", nullable: false),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false),
                    reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    total = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    group_a = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    group_b = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    decided_by_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nq57_decisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    trace_state = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
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
                name: "ix_annual_criterion_values_criterion",
                table: "annual_criterion_values",
                columns: new[] { "tenant", "criterion", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_dti_actions_plan",
                table: "dti_actions",
                columns: new[] { "tenant", "unit", "year", "indicator" });

            migrationBuilder.CreateIndex(
                name: "IX_dti_runs_supersedes",
                table: "dti_runs",
                column: "supersedes");

            migrationBuilder.CreateIndex(
                name: "ux_dti_runs_revision",
                table: "dti_runs",
                columns: new[] { "tenant", "framework_id", "year", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ux_nq57_decisions_revision",
                table: "nq57_decisions",
                columns: new[] { "tenant", "framework_id", "period", "unit", "decision_revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "sequence" },
                filter: "published_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_published_at",
                table: "outbox_messages",
                column: "published_at");

            migrationBuilder.CreateIndex(
                name: "ix_units_parent",
                table: "units",
                columns: new[] { "tenant", "parent_code" });

            migrationBuilder.CreateIndex(
                name: "ix_units_peer_groups",
                table: "units",
                column: "peer_groups")
                .Annotation("Npgsql:IndexMethod", "gin");

            // The database itself refuses to change or remove an audit line.
            migrationBuilder.Sql(Platform.DataAndMessaging.Audit.AuditModel.AppendOnlySql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.DataAndMessaging.Audit.AuditModel.DropAppendOnlySql);
            migrationBuilder.DropTable(
                name: "annual_criterion_approvals");

            migrationBuilder.DropTable(
                name: "annual_criterion_values");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "dti_actions");

            migrationBuilder.DropTable(
                name: "dti_approved_values");

            migrationBuilder.DropTable(
                name: "dti_closed_years");

            migrationBuilder.DropTable(
                name: "dti_runs");

            migrationBuilder.DropTable(
                name: "framework_versions");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "nq57_assessments");

            migrationBuilder.DropTable(
                name: "nq57_decisions");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "units");
        }
    }
}
