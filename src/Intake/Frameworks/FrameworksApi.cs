using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Frameworks;

public static class FrameworksApi
{
    public static IEndpointRouteBuilder MapFrameworksApi(this IEndpointRouteBuilder app)
    {
        // Definitions are the law's reading, not a unit's data: any signed-in person may read them.
        var group = app.MapGroup("/api/intake/frameworks").WithTags("Frameworks").RequireAuthorization();
        group.MapGet("/", ReadFrameworks.List).WithName("ListFrameworkVersions")
            .WithSummary("Every version of every framework (or of one, ?id=), with its effective periods, legal basis and who recorded it");
        group.MapGet("/{id}/versions/{version}", ReadFrameworks.Version).WithName("ReadFrameworkVersion")
            .WithSummary("One framework version in full, with the indicators each input counts towards");
        group.MapGet("/{id}/versions/{version}/changes", ReadFrameworks.Changes).WithName("ReadFrameworkVersionChanges")
            .WithSummary("A version's readable changes against the version before it");
        group.MapGet("/{id}/in-force/{period}", ReadFrameworks.InForce).WithName("ReadFrameworkInForce")
            .WithSummary("The version of a framework in force for a period (YYYY-MM or YYYY)");

        // New versions: framework administrators (the national one records; checked in the handler).
        var admin = app.MapGroup("/api/intake/frameworks").WithTags("Frameworks")
            .RequireAuthorization(PlatformPolicies.FrameworkAdmin);
        admin.MapPost("/preview", PreviewFramework.Handle).WithName("PreviewFrameworkVersion")
            .Accepts<object>("application/json")
            .WithSummary("What uploading a definition would do: its changes against the version it follows and any problems; stores nothing");
        admin.MapPost("/", UploadFramework.Handle).WithName("UploadFrameworkVersion")
            .Accepts<object>("application/json")
            .WithSummary("Record a new framework version (the definition JSON as the body), in force from its effectiveFrom");

        // A published result names the version it was scored under; whoever may read the result (anyone, without
        // signing in: the gateway's public paths) may read that version. Definitions are published legal documents.
        app.MapGroup("/api/intake/public/frameworks").WithTags("Frameworks").AllowAnonymous()
            .MapGet("/{id}/versions/{version}", ReadFrameworks.Version).WithName("ReadPublicFrameworkVersion")
            .WithSummary("One framework version in full, without signing in (the public results page names the version it shows)");
        return app;
    }
}
