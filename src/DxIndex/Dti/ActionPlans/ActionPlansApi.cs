using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Dti.ActionPlans;

/// <summary>
/// A province's DTI action plan (seed 004's "giải pháp đề xuất"): per year and indicator, what it will do, who owns it,
/// by when and how far it has got; the province page shows each action next to the points it targets.
/// </summary>
public static class ActionPlansApi
{
    public const string AuditEntity = "dti-action";

    public static IEndpointRouteBuilder MapActionPlansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{DxIndexModule.ServiceName}/dti/{{year:int}}/provinces/{{unit}}/actions").WithTags("Dti");
        group.MapGet("", ListActions.Handle).WithName("ListDtiActions")
            .WithSummary("The province's action plan for the year (withOutcome=true: the indicator's points this year and the next)")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.Reporter, PlatformRoles.Reviewer, PlatformRoles.Leader,
                PlatformRoles.Publisher, PlatformRoles.PlatformAdmin));
        group.MapPost("", CreateAction.Handle).WithName("CreateDtiAction").WithSummary("Record an action (the province's reporter, reviewer or leader)")
            .RequireAuthorization(p => p.RequireRole(ActionPlanScope.WriterRoles));
        group.MapPut("{id:guid}", UpdateAction.Handle).WithName("UpdateDtiAction").WithSummary("Change an action; requires If-Match")
            .RequireAuthorization(p => p.RequireRole(ActionPlanScope.WriterRoles));
        group.MapDelete("{id:guid}", DeleteAction.Handle).WithName("DeleteDtiAction").WithSummary("Remove an action; If-Match honoured when sent")
            .RequireAuthorization(p => p.RequireRole(ActionPlanScope.WriterRoles));
        return app;
    }
}
