using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Nq57;

public static class Nq57Api
{
    public static IEndpointRouteBuilder MapNq57Routes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dx-index/nq57/rounds").WithTags("Nq57").RequireAuthorization();
        group.MapGet("/{round}", ReadRound.Handle).WithName("ReadNq57Round");
        group.MapGet("/{round}/export", ExportRound.Handle).WithName("ExportNq57Round");
        group.MapGet("/{round}/communes/{unit}", ReadCommune.Handle).WithName("ReadNq57Commune");
        group.MapPost("/{round}/communes/{unit}/decisions", DecideFinal.Handle)
            .RequireAuthorization(PlatformPolicies.Leader).WithName("DecideNq57Final");
        return app;
    }
}
