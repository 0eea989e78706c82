using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Submissions;

public static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        // Every route needs a signed-in caller; writes need their role; scope (which units) is checked in the queries.
        var group = app.MapGroup("/api/intake/submissions").WithTags("Submissions").RequireAuthorization();

        group.MapGet("/", ReadSubmissions.List).WithName("ListSubmissions");
        group.MapGet("/{id:guid}", ReadSubmissions.Get).WithName("GetSubmission");
        group.MapPut("/{framework}/{period}/{targetUnit}", SaveDraft.Handle)
            .RequireAuthorization(PlatformPolicies.Reporter).WithName("SaveSubmissionDraft");
        group.MapPost("/{id:guid}/submit", SubmitSubmission.Handle)
            .RequireAuthorization(PlatformPolicies.Reporter).WithName("SubmitSubmission");
        group.MapPost("/{id:guid}/approve", DecideSubmission.Approve)
            .RequireAuthorization(PlatformPolicies.Reviewer).WithName("ApproveSubmission");
        group.MapPost("/{id:guid}/return", DecideSubmission.Return)
            .RequireAuthorization(PlatformPolicies.Reviewer).WithName("ReturnSubmission");
        return app;
    }
}
