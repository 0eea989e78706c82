using Platform.Reporting.Admin;
using Platform.ServiceDefaults.Security;

namespace Platform.Reporting.ReadModels;

/// <summary>The journal, the projector its consumers and the rebuild share, the background rebuild, and the admin endpoints.</summary>
public static class ReadModelsModule
{
    public static IHostApplicationBuilder AddReadModels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Projector>();
        builder.Services.AddSingleton<RebuildRunner>();
        return builder;
    }

    public static IEndpointRouteBuilder MapReadModelsApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/reporting/admin").WithTags("Reporting admin").RequireAuthorization(PlatformPolicies.PlatformAdmin);
        admin.MapPost("/rebuild", RebuildReadModels.Handle).WithName("RebuildReadModels");
        admin.MapGet("/status", ReadModelStatusEndpoint.Handle).WithName("ReadModelStatus");
        return app;
    }
}
