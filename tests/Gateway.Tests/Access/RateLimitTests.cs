using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.LocalInfrastructure;
using Platform.TestSupport;

namespace Platform.Gateway.Tests.Access;

/// <summary>
/// The per-IP limit for clients that connect directly (no forwarder), and bursts: of N requests sent at the same moment
/// exactly the permitted number reach the service, every other one is answered 429 — counted, not timed.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly int _backendPort = Ports.GetFree();
    private WebApplication _backend = null!;
    private int _reached;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _backend = await StandIn.StartAsync(_backendPort, app => app.Map("/api/intake/{**rest}", (HttpRequest _) =>
        {
            Interlocked.Increment(ref _reached);
            return "ok";
        }), cancellationToken: Cancel);
    }

    public async ValueTask DisposeAsync() => await _backend.DisposeAsync();

    /// <summary>The gateway on a real port of 127.0.0.1 (the peer's address is what the per-IP limit counts), window one hour.</summary>
    private (ServiceFactory<Program> Gateway, int Port) Gateway(int permitLimit, int ipPermitLimit)
    {
        var port = Ports.GetFree();
        var gateway = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["services:intake:http:0"] = $"http://127.0.0.1:{_backendPort}",
            ["Gateway:RateLimit:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:RateLimit:IpPermitLimit"] = ipPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:RateLimit:Window"] = "01:00:00",
        });
        gateway.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        gateway.StartServer();
        return (gateway, port);
    }

    /// <summary>A client whose connections leave from <paramref name="source"/> (any address of 127.0.0.0/8 is this machine's).</summary>
    private static HttpClient ClientFrom(string source, int port) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    [Fact]
    public async Task A_direct_client_over_the_per_IP_limit_gets_429_in_Vietnamese_with_Retry_After_even_with_a_new_token_each_time_and_another_IP_is_not_affected()
    {
        var (gateway, port) = Gateway(permitLimit: 1000, ipPermitLimit: 3);
        await using var _ = gateway;
        using var first = ClientFrom("127.0.0.1", port);
        using var second = ClientFrom("127.0.0.2", port);

        // A made-up caller per request: the per-caller limit never bites, the per-IP one does.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await Send(first, Token("made-up-" + i))).StatusCode);
        using var rejected = await Send(first, Token("made-up-3"));
        using var anonymous = await first.GetAsync("/api/intake/x", Cancel);
        using var other = await Send(second, Token("made-up-4"));

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var retryAfter = int.Parse(Assert.Single(rejected.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Quá nhiều yêu cầu", problem.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(4, _reached);
        // Health probes are never limited.
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/alive", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Of_a_burst_of_60_concurrent_requests_from_one_address_exactly_the_20_permitted_reach_the_service_and_40_get_429()
    {
        var (gateway, port) = Gateway(permitLimit: 1000, ipPermitLimit: 20);
        await using var _ = gateway;
        using var client = ClientFrom("127.0.0.3", port);

        var statuses = await Burst(60, () => client.GetAsync("/api/intake/burst", Cancel));

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(40, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(20, _reached);
    }

    [Fact]
    public async Task Of_a_burst_of_40_concurrent_requests_of_one_person_exactly_the_10_permitted_pass_and_another_person_still_passes()
    {
        var (gateway, port) = Gateway(permitLimit: 10, ipPermitLimit: 1000);
        await using var _ = gateway;
        using var client = ClientFrom("127.0.0.4", port);

        var statuses = await Burst(40, () => Send(client, Token("nguoi-dung-a")));
        using var other = await Send(client, Token("nguoi-dung-b"));

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(11, _reached);
    }

    /// <summary><paramref name="count"/> requests released together (each on its own task), their statuses.</summary>
    private static async Task<HttpStatusCode[]> Burst(int count, Func<Task<HttpResponseMessage>> send)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            using var response = await send();
            return response.StatusCode;
        }, Cancel)).ToArray();
        go.SetResult();
        return await Task.WhenAll(calls);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/intake/x");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Cancel);
    }

    /// <summary>An unsigned token: without the Keycloak section the gateway only reads it (the services validate it).</summary>
    private static string Token(string sub)
    {
        static string Part(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part(new { alg = "RS256", typ = "JWT" })}.{Part(new { sub, azp = "platform-web", preferred_username = sub })}.c2ln";
    }
}
