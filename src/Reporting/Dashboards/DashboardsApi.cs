using Platform.ServiceDefaults.Security;

namespace Platform.Reporting.Dashboards;

public static class DashboardsApi
{
    /// <summary>
    /// <c>/api/reporting/dashboards</c>: a unit's months beside its peers (within the caller's subtree), the class
    /// distribution of a peer group (published, any signed-in person), the heads-of-agency view (reviewers, leaders,
    /// publishers, platform administrators; scoped).
    /// </summary>
    public static IEndpointRouteBuilder MapDashboardsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{ReportingModule.ServiceName}/dashboards").WithTags("Dashboards").RequireAuthorization();
        group.MapGet("/units/{unit}", UnitDashboardQuery.Get).WithName("UnitDashboard");
        group.MapGet("/classes", ClassDistributionQuery.Get).WithName("ClassDistribution");
        group.MapGet("/leaders", LeadersViewQuery.Get).WithName("LeadersView")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reviewer, PlatformRoles.Leader, PlatformRoles.Publisher, PlatformRoles.PlatformAdmin));
        return app;
    }
}
