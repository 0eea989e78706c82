using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Correlation;

/// <summary>
/// One id per request, <c>X-Correlation-Id</c>: taken from the caller when it is sane (1–64 visible ASCII
/// characters), else new. It is put back on the request (so the gateway forwards it), returned on the
/// response, added to the logging scope of everything the request logs, tagged and put in the baggage of
/// the current Activity, and sent on every outgoing <see cref="HttpClient"/> call made while handling it.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    public const string ScopeKey = "CorrelationId";
    public const string ActivityKey = "correlation.id";
    public const int MaxLength = 64;

    private static readonly AsyncLocal<string?> CurrentId = new();

    /// <summary>The id of the request being handled on this flow, if any.</summary>
    public static string? Current => CurrentId.Value;

    /// <summary>True for 1–64 printable ASCII characters without spaces (0x21–0x7E).</summary>
    public static bool IsSane(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(c => c is > ' ' and <= '~');

    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Sends the current id on outgoing calls of every client from the factory.</summary>
    public static IServiceCollection AddCorrelationId(this IServiceCollection services)
    {
        services.AddTransient<CorrelationIdHandler>();
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<CorrelationIdHandler>());
        return services;
    }

    /// <summary>Call first, so the id is in the scope of every later middleware, problem and endpoint.</summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Correlation");
        return app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[HeaderName];
            var id = incoming.Count == 1 && IsSane(incoming[0]) ? incoming[0]! : New();
            context.Request.Headers[HeaderName] = id;
            context.Response.Headers[HeaderName] = id;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = id;
                return Task.CompletedTask;
            });

            if (Activity.Current is { } activity)
            {
                activity.SetTag(ActivityKey, id);
                activity.SetBaggage(ActivityKey, id);
            }

            var previous = CurrentId.Value;
            CurrentId.Value = id;
            try
            {
                using (logger.BeginScope(new Dictionary<string, object> { [ScopeKey] = id }))
                {
                    await next(context);
                }
            }
            finally
            {
                CurrentId.Value = previous;
            }
        });
    }

    private sealed class CorrelationIdHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Current is { } id && !request.Headers.Contains(HeaderName))
            {
                request.Headers.TryAddWithoutValidation(HeaderName, id);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
