using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Assignments;

public static class AssignmentsApi
{
    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder app)
    {
        // Reading needs a signed-in caller (scope is checked in the queries); writing needs a framework administrator.
        var group = app.MapGroup("/api/intake/assignments").WithTags("Assignments").RequireAuthorization();

        group.MapGet("/mine", WhatIOwe.Handle).WithName("WhatIOwe")
            .WithSummary("What my unit owes for a period: inputs, deadline, status, last approved value");
        group.MapGet("/mine/open", ListOpenObligations.Handle).WithName("ListOpenObligations")
            .WithSummary("Every report my unit still owes, of every period up to now: overdue first, with deadline and lateness");
        group.MapGet("/", ListAssignments.Handle).WithName("ListAssignments")
            .WithSummary("Assignments in force in my subtree (paged)");
        group.MapGet("/{id:guid}", GetAssignment.Handle).WithName("GetAssignment")
            .WithSummary("One assignment, with its ETag");
        group.MapPost("/", CreateAssignment.Handle)
            .RequireAuthorization(PlatformPolicies.FrameworkAdmin).WithName("CreateAssignment")
            .WithSummary("Assign inputs of a framework to a unit (framework administrator)");
        group.MapPut("/{id:guid}", EditAssignment.Handle)
            .RequireAuthorization(PlatformPolicies.FrameworkAdmin).WithName("EditAssignment")
            .WithSummary("Reassign inputs or the reporting unit; requires If-Match (framework administrator)");
        group.MapPost("/{id:guid}/close", CloseAssignment.Handle)
            .RequireAuthorization(PlatformPolicies.FrameworkAdmin).WithName("CloseAssignment")
            .WithSummary("End an assignment from a date, with a reason (framework administrator)");
        return app;
    }
}
