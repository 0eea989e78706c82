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
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && !value.AsSpan().ContainsAnyExceptInRange('!', '~');

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
            // One small object per request serves as the logging scope and the response callback's state.
            var scope = new Scope(context.Response, id);
            context.Response.OnStarting(Scope.EchoAsync, scope);

            if (Activity.Current is { } activity)
            {
                activity.SetTag(ActivityKey, id);
                activity.SetBaggage(ActivityKey, id);
            }

            var previous = CurrentId.Value;
            CurrentId.Value = id;
            try
            {
                using (logger.BeginScope(scope))
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

    /// <summary>The logging scope <c>{CorrelationId: id}</c>, read as key/value pairs like a dictionary's.</summary>
    private sealed class Scope(HttpResponse response, string id) : IReadOnlyList<KeyValuePair<string, object>>
    {
        private readonly HttpResponse _response = response;
        private readonly string _id = id;

        public int Count => 1;

        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new(ScopeKey, _id) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{ScopeKey}:{_id}";

        /// <summary>Puts the id back on the response as it starts (an error page may have cleared the headers).</summary>
        public static Task EchoAsync(object state)
        {
            var scope = (Scope)state;
            scope._response.Headers[HeaderName] = scope._id;
            return Task.CompletedTask;
        }
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
