using Platform.ServiceDefaults.Security;

namespace Platform.MonthlyScoring.Publication;

/// <summary>Publication: the preview the publisher confirms, and publishing (first time or a correction).</summary>
public static class PublicationApi
{
    public static IEndpointRouteBuilder MapPublicationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{MonthlyScoringModule.ServiceName}/publications").WithTags("Publication")
            .RequireAuthorization(PlatformPolicies.Publisher);
        group.MapGet("/preview", PreviewPublication.Handle).WithName("PreviewPublication")
            .WithSummary("What publishing would publish now, with the fingerprint to confirm");
        group.MapPost("", PublishScores.Handle).WithName("PublishScores")
            .WithSummary("Publish revision 1 or a correction, confirming a preview's fingerprint");
        return app;
    }
}
