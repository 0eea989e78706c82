namespace Platform.DxIndex.Nq57;

/// <summary>Tự đánh giá thực hiện Nghị quyết 57: services and routes of the feature.</summary>
public static class Nq57Module
{
    public static IHostApplicationBuilder AddNq57(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<Nq57Options>().Bind(builder.Configuration.GetSection(Nq57Options.Section));
        builder.Services.AddHostedService<Nq57DemoData>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNq57Api(this IEndpointRouteBuilder app) => app.MapNq57Routes();
}
