namespace Platform.Reporting.Dti;

public static class DtiApi
{
    /// <summary><c>/api/reporting/dti/{year}</c> (+ <c>/export?format=</c>): the published provincial DX index, readable by every signed-in person.</summary>
    public static IEndpointRouteBuilder MapDtiReportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{ReportingModule.ServiceName}/dti").WithTags("DTI report").RequireAuthorization();
        group.MapGet("/{year}", DtiReportQuery.Get).WithName("DtiReport");
        group.MapGet("/{year}/export", DtiExport.Get).WithName("DtiReportExport");
        return app;
    }
}
