namespace Platform.DxIndex.AnnualCriteria;

/// <summary>Bộ tiêu chí hằng năm (QĐ 2244): services and routes of the feature.</summary>
public static class AnnualCriteriaModule
{
    public static IHostApplicationBuilder AddAnnualCriteria(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnnualCriteriaOptions>().Bind(builder.Configuration.GetSection(AnnualCriteriaOptions.Section));
        return builder;
    }

    public static IEndpointRouteBuilder MapAnnualCriteriaApi(this IEndpointRouteBuilder app) => app.MapAnnualCriteriaRoutes();
}
