using Platform.Reporting.Data;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Messaging;
using Platform.ServiceDefaults;

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

    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder app)
    {
        app.MapServiceInfo(ServiceName, "Báo cáo và công bố xếp hạng").WithTags("Reporting");
        return app;
    }
}
