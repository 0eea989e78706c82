using Platform.Reporting.Nq57;
using Platform.ServiceDefaults.Security;

namespace Platform.Reporting.Compliance;

/// <summary>Who owes what, who is late, who has not reported; the trend of on-time reporting (plan: "Compliance").</summary>
public static class ComplianceModule
{
    /// <summary>Who follows compliance up: reviewers, leaders, publishers, platform administrators (not reporters).</summary>
    public static readonly string[] Readers = [PlatformRoles.Reviewer, PlatformRoles.Leader, PlatformRoles.Publisher, PlatformRoles.PlatformAdmin];

    public static IHostApplicationBuilder AddCompliance(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<Nq57Options>().Bind(builder.Configuration.GetSection(ReportingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{ReportingModule.ServiceName}/compliance").WithTags("Compliance")
            .RequireAuthorization(p => p.RequireRole(Readers));
        group.MapGet("/{framework}/trend", ReadComplianceTrend.Handle).WithName("ReadComplianceTrend")
            .WithSummary("On-time reporting per unit of the scope over the periods");
        group.MapGet("/{framework}/{period}", ReadCompliance.Handle).WithName("ReadCompliance")
            .WithSummary("Who owes what, who is late and who has not reported, in the caller's scope");
        group.MapGet("/{framework}/{period}/by-unit", ReadComplianceByUnit.Handle).WithName("ReadComplianceByUnit")
            .WithSummary("Counts per reporting unit of the scope (drill-down)");
        group.MapGet("/{framework}/{period}/export", ExportCompliance.Handle).WithName("ExportCompliance")
            .WithSummary("The list as Excel, PDF or CSV (default: who is late)");
        return app;
    }
}
