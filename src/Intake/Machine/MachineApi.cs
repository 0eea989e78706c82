using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Machine;

public static class MachineApi
{
    public static IEndpointRouteBuilder MapMachineApi(this IEndpointRouteBuilder app)
    {
        // Source systems hold the reporter role on their service account; people are refused in the handler.
        app.MapPost("/api/intake/machine/submissions", PushSubmission.Handle)
            .WithTags("Machine").RequireAuthorization(PlatformPolicies.Reporter).WithName("PushMachineSubmission");
        return app;
    }
}
