using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Messaging;
using Platform.Reporting.Compliance;
using Platform.Reporting.Dashboards;
using Platform.Reporting.Data;
using Platform.Reporting.OfficialReports;
using Platform.Reporting.Dti;
using Platform.Reporting.Public;
using Platform.Reporting.ReadModels;
using Platform.Reporting.Nq57;
using Platform.ServiceDefaults;

namespace Platform.Reporting;

/// <summary>
/// Reports built from the platform's events: the journal and read models (<c>ReadModels/</c>), who owes and who is late
/// (<c>Compliance/</c>), the official reports as Excel and PDF (<c>OfficialReports/</c>, rendered by <c>Documents/</c>),
/// dashboards (<c>Dashboards/</c>) and the public results (<c>Public/</c>). It never reads another service's database.
/// </summary>
public static class ReportingModule
{
    public const string ServiceName = "reporting";
    public const string DatabaseName = "reportingdb";

    public static IHostApplicationBuilder AddReporting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportingOptions>()
            .Bind(builder.Configuration.GetSection(ReportingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddPlatformDatabase<ReportingDbContext>(DatabaseName);
        // Its copy of intake's framework versions (FrameworkVersionPublished), over the shipped ones: names of frameworks,
        // groups and indicators in reports.
        builder.AddFrameworkStore<ReportingDbContext>();
        builder.AddPlatformBus(ServiceName, typeof(ReportingModule).Assembly);
        builder.AddReadModels();
        builder.AddCompliance();
        return builder;
    }

    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder app)
    {
        app.MapServiceInfo(ServiceName, "Báo cáo tổng hợp: tình hình nộp báo cáo, xếp hạng, báo cáo chính thức và kết quả công khai").WithTags("Reporting");
        app.MapDashboardsApi();
        app.MapDtiReportApi();
        app.MapPublicApi();
        app.MapReadModelsApi();
        app.MapComplianceApi();
        app.MapNq57Api();
        app.MapOfficialReportsApi();
        return app;
    }
}
