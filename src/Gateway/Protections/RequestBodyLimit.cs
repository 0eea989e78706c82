using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Platform.Gateway.Protections;

/// <summary>
/// Largest request body the gateway lets through (<c>Gateway:MaxRequestBodyBytes</c>, default 25 MB so a 20 MB
/// evidence file fits). A declared larger body is refused at once with 413; a chunked one is cut by the server.
/// </summary>
internal static class RequestBodyLimit
{
    public const long DefaultBytes = 25L * 1024 * 1024;

    public static long Read(IConfiguration configuration) =>
        configuration.GetValue<long?>("Gateway:MaxRequestBodyBytes") is > 0 and var value ? value : DefaultBytes;

    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = Read(configuration);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limit);
        return services;
    }

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var limit = Read(app.ApplicationServices.GetRequiredService<IConfiguration>());
        var detail = string.Create(CultureInfo.GetCultureInfo("vi-VN"),
            $"Dữ liệu hoặc tệp gửi lên vượt quá dung lượng cho phép (tối đa {limit / 1024d / 1024d:#,##0.#} MB).");
        return app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                await GatewayProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, detail);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
            await next(context);
        });
    }
}
