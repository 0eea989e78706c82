using Platform.DxIndex.Dti.ActionPlans;
using Platform.DxIndex.Dti.Demo;
using Platform.DxIndex.Dti.Publication;
using Platform.DxIndex.Dti.PublicResults;
using Platform.DxIndex.Dti.Ranking;
using Platform.ServiceDefaults.Security;

namespace Platform.DxIndex.Dti;

/// <summary>Chỉ số chuyển đổi số cấp tỉnh (QĐ 405): services and routes of the feature.</summary>
public static class DtiModule
{
    /// <summary>Who reads the DTI: reviewers, leaders, publishers, platform administrators and reporters.</summary>
    public static readonly string[] Readers =
        [PlatformRoles.Reviewer, PlatformRoles.Leader, PlatformRoles.Publisher, PlatformRoles.PlatformAdmin, PlatformRoles.Reporter];

    public static IHostApplicationBuilder AddDti(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DtiOptions>().Bind(builder.Configuration.GetSection(DtiOptions.Section));
        // After the migrator (registered by AddPlatformDatabase before this): illustrative values when DxIndex:Dti:DemoData is true.
        builder.Services.AddHostedService<DemoDataSeeder>();
        // What the action plans read from the runs ("next year, what moved").
        builder.Services.AddScoped<IDtiIndicatorScores, DtiIndicatorScores>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDtiApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup($"/api/{DxIndexModule.ServiceName}/dti").WithTags("DTI").RequireAuthorization(p => p.RequireRole(Readers));
        group.MapGet("/years", ListYears.Handle).WithName("ListDtiYears")
            .WithSummary("Every DTI year with data or a publication");
        group.MapGet("/{year}/ranking", ReadRanking.Handle).WithName("ReadDtiRanking")
            .WithSummary("The ranking: the current official revision, or the provisional index");
        group.MapGet("/{year}/provinces/{unit}", ReadProvinceProfile.Handle).WithName("ReadDtiProvinceProfile")
            .WithSummary("A province's pillars against the best and median, its history and its indicators");
        group.MapGet("/{year}/provinces/{unit}/explanation", ExplainProvince.Handle).WithName("ExplainDtiProvince")
            .WithSummary("How each indicator of one province was scored");

        var publication = app.MapGroup($"/api/{DxIndexModule.ServiceName}/dti/{{year}}").WithTags("DTI publication")
            .RequireAuthorization(PlatformPolicies.Publisher);
        publication.MapGet("/publication/preview", PreviewDtiPublication.Handle).WithName("PreviewDtiPublication")
            .WithSummary("What publishing would publish now, with the fingerprint to confirm");
        publication.MapPost("/publications", PublishDti.Handle).WithName("PublishDti")
            .WithSummary("Publish revision 1 or a correction, confirming a preview's fingerprint");

        app.MapPublicDtiApi();
        app.MapActionPlansApi();
        return app;
    }
}
