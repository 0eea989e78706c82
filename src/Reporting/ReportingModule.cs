using Platform.Reporting.Data;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Messaging;

namespace Platform.Reporting;

/// <summary>Báo cáo và công bố xếp hạng.</summary>
public static class ReportingModule
{
    public const string ServiceName = "reporting";
    public const string DatabaseName = "reportingdb";

    public static IHostApplicationBuilder AddReporting(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase<ReportingDbContext>(DatabaseName);
        builder.AddPlatformBus(ServiceName, typeof(ReportingModule).Assembly);
        return builder;
    }

    public static WebApplication MapReportingApi(this WebApplication app)
    {
        app.MapGet($"/api/{ServiceName}", () => TypedResults.Ok(new ServiceInfo(ServiceName, "Báo cáo và công bố xếp hạng")))
            .WithTags("Reporting");
        return app;
    }
}

public sealed record ServiceInfo(string Service, string Description);
