using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Units;

public static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        // Reading needs a signed-in caller (scope is checked in the queries); importing needs a platform administrator.
        var group = app.MapGroup("/api/intake/units").WithTags("Units").RequireAuthorization();

        group.MapGet("/", ListUnits.Handle).WithName("ListUnits")
            .WithSummary("Organisation units of my subtree, filtered and paged");
        group.MapGet("/export", ExportUnits.Handle).WithName("ExportUnits")
            .WithSummary("My subtree as units.csv (UTF-8 with BOM)");
        group.MapGet("/{code}", GetUnit.Handle).WithName("GetUnit")
            .WithSummary("One unit with its history (revisions, formed from, predecessors, successors)");
        group.MapPost("/import", ImportUnits.Handle)
            .RequireAuthorization(PlatformPolicies.PlatformAdmin).WithName("ImportUnits")
            .Accepts<IFormFile>("multipart/form-data", "text/csv")
            .WithSummary("Import units.csv, all or nothing (platform administrator)");
        return app;
    }
}
