using Platform.DxIndex.Data;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Messaging;
using Platform.ServiceDefaults;

namespace Platform.DxIndex;

/// <summary>Chỉ số chuyển đổi số cấp tỉnh hằng năm.</summary>
public static class DxIndexModule
{
    public const string ServiceName = "dx-index";
    public const string DatabaseName = "dxindexdb";

    public static IHostApplicationBuilder AddDxIndex(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase<DxIndexDbContext>(DatabaseName);
        builder.AddPlatformBus(ServiceName, typeof(DxIndexModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapDxIndexApi(this IEndpointRouteBuilder app)
    {
        app.MapServiceInfo(ServiceName, "Chỉ số chuyển đổi số cấp tỉnh hằng năm").WithTags("DxIndex");
        return app;
    }
}
