using Platform.Intake.Assignments;
using Platform.Intake.Bulk;
using Platform.Intake.Audit;
using Platform.Intake.Calendar;
using Platform.Intake.Data;
using Platform.Intake.Periods;
using Platform.Intake.Obligations;
using Platform.Intake.Evidence;
using Platform.Intake.Federation;
using Platform.Intake.Frameworks;
using Platform.Intake.Rubric;
using Platform.Intake.Machine;
using Platform.Intake.Overview;
using Platform.Intake.Submissions;
using Platform.Intake.Units;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Messaging;
using Platform.ServiceDefaults;

namespace Platform.Intake;

/// <summary>Tiếp nhận dữ liệu chỉ tiêu từ các cơ quan, đơn vị.</summary>
public static class IntakeModule
{
    public const string ServiceName = "intake";
    public const string DatabaseName = "intakedb";

    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntakeOptions>()
            .Bind(builder.Configuration.GetSection(IntakeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddPlatformDatabase<IntakeDbContext>(DatabaseName);
        // Hosted services start in registration order: the shipped units go in after the migrations.
        builder.Services.AddHostedService<UnitSeeder>();
        builder.Services.AddHostedService<AssignmentSeeder>();
        // Intake owns the framework versions (docs/decisions/0005): the shipped ones are seeded, then the store is loaded.
        builder.Services.AddHostedService<FrameworkSeeder>();
        builder.AddFrameworkStore<IntakeDbContext>();
        builder.AddPlatformBus(ServiceName, typeof(IntakeModule).Assembly);
        builder.AddFederation();
        builder.AddReportingCalendar();
        builder.AddPeriods();
        builder.AddObligationsAnnouncer();
        builder.Services.AddEvidenceStore();
        return builder;
    }

    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder app)
    {
        app.MapServiceInfo(ServiceName, "Tiếp nhận dữ liệu chỉ tiêu từ các cơ quan, đơn vị")
            .WithTags("Intake").WithSummary("What this service is");
        app.MapSubmissionsApi();
        app.MapAssignmentsApi();
        app.MapPeriodsApi();
        app.MapEvidenceApi();
        app.MapRubricApi();
        app.MapBulkApi();
        app.MapMachineApi();
        app.MapUnitsApi();
        app.MapAuditApi();
        app.MapOverviewApi();
        app.MapFrameworksApi();
        app.MapFederationApi();
        return app;
    }
}
