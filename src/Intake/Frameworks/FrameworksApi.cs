namespace Platform.Intake.Frameworks;

public static class FrameworksApi
{
    public static IEndpointRouteBuilder MapFrameworksApi(this IEndpointRouteBuilder app)
    {
        // Definitions are the law's reading, not a unit's data: any signed-in person may read them.
        var group = app.MapGroup("/api/intake/frameworks").WithTags("Frameworks").RequireAuthorization();
        group.MapGet("/", ReadFrameworks.List).WithName("ListFrameworkVersions")
            .WithSummary("Every version of every framework (or of one, ?id=), with its effective periods and legal basis");
        group.MapGet("/{id}/versions/{version}", ReadFrameworks.Version).WithName("ReadFrameworkVersion")
            .WithSummary("One framework version in full, with the indicators each input counts towards");
        group.MapGet("/{id}/in-force/{period}", ReadFrameworks.InForce).WithName("ReadFrameworkInForce")
            .WithSummary("The version of a framework in force for a period (YYYY-MM or YYYY)");
        return app;
    }
}
