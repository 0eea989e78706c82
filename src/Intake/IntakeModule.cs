using Platform.Intake.Data;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Intake;

/// <summary>Tiếp nhận dữ liệu chỉ tiêu từ các cơ quan, đơn vị.</summary>
public static class IntakeModule
{
    public const string ServiceName = "intake";
    public const string DatabaseName = "intakedb";

    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase<IntakeDbContext>(DatabaseName);
        builder.AddPlatformBus(ServiceName, typeof(IntakeModule).Assembly);
        return builder;
    }

    public static WebApplication MapIntakeApi(this WebApplication app)
    {
        app.MapGet($"/api/{ServiceName}", () => TypedResults.Ok(new ServiceInfo(ServiceName, "Tiếp nhận dữ liệu chỉ tiêu từ các cơ quan, đơn vị")))
            .WithTags("Intake");
        return app;
    }
}

public sealed record ServiceInfo(string Service, string Description);
