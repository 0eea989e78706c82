using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Bulk;

public static class BulkApi
{
    public static IEndpointRouteBuilder MapBulkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/intake").WithTags("Bulk").RequireAuthorization(PlatformPolicies.Reporter);
        group.MapGet("/templates/{framework}/{period}", DownloadTemplate.Handle).WithName("DownloadIntakeTemplate");
        group.MapPost("/imports/{framework}/{period}", Import.Handle).WithName("ImportIntakeFile");
        return app;
    }
}
