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
        // A published result names the version it was scored under; whoever may read the result (anyone, without
        // signing in: the gateway's public paths) may read that version. Definitions are published legal documents.
        app.MapGroup("/api/intake/public/frameworks").WithTags("Frameworks").AllowAnonymous()
            .MapGet("/{id}/versions/{version}", ReadFrameworks.Version).WithName("ReadPublicFrameworkVersion")
            .WithSummary("One framework version in full, without signing in (the public results page names the version it shows)");
        return app;
    }
}
