namespace Platform.Reporting.Nq57;

/// <summary>The NQ57 round summary: which communes of which province have assessed themselves (any signed-in role, scoped).</summary>
public static class Nq57Module
{
    public static IEndpointRouteBuilder MapNq57Api(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{ReportingModule.ServiceName}/nq57").WithTags("NQ57").RequireAuthorization();
        group.MapGet("/{round}", ReadNq57Round.Handle).WithName("ReadNq57Round")
            .WithSummary("Participation in a self-assessment round, per province");
        group.MapGet("/{round}/export", ExportNq57Round.Handle).WithName("ExportNq57Round")
            .WithSummary("The round summary and the communes that have not reported, as Excel, PDF or CSV");
        return app;
    }
}
