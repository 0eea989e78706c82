using Platform.DxIndex.Dti.ActionPlans;

namespace Platform.DxIndex.Dti;

/// <summary>Chỉ số chuyển đổi số cấp tỉnh (QĐ 405): services and routes of the feature.</summary>
public static class DtiModule
{
    public static IHostApplicationBuilder AddDti(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapDtiApi(this IEndpointRouteBuilder app) => app.MapActionPlansApi();
}
