using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Assignments;

public static class AssignmentsApi
{
    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder app)
    {
        // Reading needs a signed-in caller (scope is checked in the queries); editing needs a framework administrator.
        var group = app.MapGroup("/api/intake/assignments").WithTags("Assignments").RequireAuthorization();

        group.MapGet("/mine", WhatIOwe.Handle).WithName("WhatIOwe");
        group.MapGet("/", ListAssignments.Handle).WithName("ListAssignments");
        group.MapPut("/{id:guid}", EditAssignment.Handle)
            .RequireAuthorization(PlatformPolicies.FrameworkAdmin).WithName("EditAssignment");
        return app;
    }
}
