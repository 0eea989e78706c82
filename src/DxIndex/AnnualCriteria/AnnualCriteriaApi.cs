using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.AnnualCriteria;

public static class AnnualCriteriaApi
{
    /// <summary>Who reads the annual criteria: the people of a province (or the nation) who report, review, lead or publish.</summary>
    public static readonly string[] Readers =
        [PlatformRoles.Reporter, PlatformRoles.Reviewer, PlatformRoles.Leader, PlatformRoles.Publisher, PlatformRoles.PlatformAdmin, PlatformRoles.FrameworkAdmin];

    public static IEndpointRouteBuilder MapAnnualCriteriaRoutes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{DxIndexModule.ServiceName}/annual-criteria").WithTags("AnnualCriteria")
            .RequireAuthorization(p => p.RequireRole(Readers));
        group.MapGet("/provinces", ListProvinces.Handle).WithName("ListAnnualCriteriaProvinces")
            .WithSummary("The provinces the caller sees, with the years holding QĐ 2244 values");
        group.MapGet("/provinces/{unit}/{year}", ReadProvinceYear.Handle).WithName("ReadAnnualCriteriaProvinceYear")
            .WithSummary("A province's QĐ 2244 criteria of one year: values, reference years, sources, previous years and trends");
        group.MapGet("/provinces/{unit}/{year}/export", ExportProvinceYear.Handle).WithName("ExportAnnualCriteriaProvinceYear")
            .WithSummary("The province's annual QĐ 2244 report table as an .xlsx");
        group.MapGet("/criteria/{code}", ReadCriterion.Handle).WithName("ReadAnnualCriterion")
            .WithSummary("One QĐ 2244 criterion across the provinces the caller sees and the years they have");
        return app;
    }
}
