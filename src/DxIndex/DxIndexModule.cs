using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Messaging;
using Platform.DxIndex.AnnualCriteria;
using Platform.DxIndex.Data;
using Platform.DxIndex.Dti;
using Platform.DxIndex.Nq57;
using Platform.ServiceDefaults;

namespace Platform.DxIndex;

/// <summary>
/// The annual side: the provincial DX index (QĐ 405, <c>Dti/</c>), the NQ57 self-assessment rounds (<c>Nq57/</c>) and
/// the QĐ 2244 annual criteria (<c>AnnualCriteria/</c>), each a feature folder with its own routes and tables.
/// </summary>
public static class DxIndexModule
{
    public const string ServiceName = "dx-index";
    public const string DatabaseName = "dxindexdb";

    public static IHostApplicationBuilder AddDxIndex(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DxIndexOptions>()
            .Bind(builder.Configuration.GetSection(DxIndexOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddPlatformDatabase<DxIndexDbContext>(DatabaseName);
        // Its copy of intake's framework versions (FrameworkVersionPublished), over the shipped ones.
        builder.AddFrameworkStore<DxIndexDbContext>();
        builder.AddPlatformBus(ServiceName, typeof(DxIndexModule).Assembly);
        builder.AddDti();
        builder.AddNq57();
        builder.AddAnnualCriteria();
        return builder;
    }

    public static IEndpointRouteBuilder MapDxIndexApi(this IEndpointRouteBuilder app)
    {
        app.MapServiceInfo(ServiceName, "Chỉ số chuyển đổi số cấp tỉnh hằng năm, tự đánh giá NQ57 và tiêu chí QĐ 2244").WithTags("DxIndex");
        app.MapDtiApi();
        app.MapNq57Api();
        app.MapAnnualCriteriaApi();
        return app;
    }
}
