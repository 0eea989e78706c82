using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Rubric;

public static class RubricApi
{
    public static IEndpointRouteBuilder MapRubricApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/intake/submissions").WithTags("Rubric").RequireAuthorization();
        group.MapPut("/{id:guid}/reviewer-scores", SetReviewerScores.Handle)
            .RequireAuthorization(PlatformPolicies.Reviewer).WithName("SetReviewerScores");
        group.MapGet("/{id:guid}/assessment", ReadAssessment.Handle).WithName("ReadAssessment");
        return app;
    }
}
