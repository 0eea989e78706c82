using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Submissions;

public static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        // Every route needs a signed-in caller; writes need their role; scope (which units) is checked in the queries.
        var group = app.MapGroup("/api/intake/submissions").WithTags("Submissions").RequireAuthorization();

        group.MapGet("/", ListSubmissions.Handle).WithName("ListSubmissions")
            .WithSummary("Submissions I may see (paged), newest period first");
        group.MapGet("/{id:guid}", GetSubmission.Handle).WithName("GetSubmission")
            .WithSummary("One submission, with its ETag");
        group.MapGet("/{id:guid}/returns", ReadReturns.Handle).WithName("ListSubmissionReturns")
            .WithSummary("Earlier returns of a submission, newest first: reason and the values as they were returned");
        group.MapPut("/{framework}/{period}/{targetUnit}", SaveDraft.Handle)
            .RequireAuthorization(PlatformPolicies.Reporter).WithName("SaveSubmissionDraft")
            .WithSummary("Create or update a draft (If-Match once it exists)");
        group.MapPost("/{id:guid}/submit", SubmitSubmission.Handle)
            .RequireAuthorization(PlatformPolicies.Reporter).WithName("SubmitSubmission")
            .WithSummary("Hand a draft or returned submission in");
        group.MapPost("/{id:guid}/approve", ApproveSubmission.Handle)
            .RequireAuthorization(PlatformPolicies.Reviewer).WithName("ApproveSubmission")
            .WithSummary("Approve a submitted submission (reviewer)");
        group.MapPost("/{id:guid}/return", ReturnSubmission.Handle)
            .RequireAuthorization(PlatformPolicies.Reviewer).WithName("ReturnSubmission")
            .WithSummary("Return a submission with a reason (reviewer)");
        return app;
    }
}
