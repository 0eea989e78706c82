using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.LocalInfrastructure;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Gateway.Tests.Session;

/// <summary>
/// The gateway remembers a machine client's accepted bearer token (by its hash) until the token expires, so the
/// signature is checked once, not on every call; anything else than that exact, unexpired token is checked again.
/// </summary>
public sealed class ValidatedTokensTests : IAsyncLifetime
{
    private readonly int _intakePort = Ports.GetFree();
    private readonly TestTokens _tokens = new();
    private readonly Clock _clock = new(DateTimeOffset.UtcNow);
    private readonly List<string> _reached = [];
    private WebApplication _intake = null!;
    private int _checks;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _intake = await StandIn.StartAsync(_intakePort, app => app.MapGet("/api/intake/{**rest}", (HttpRequest request) =>
        {
            lock (_reached) _reached.Add(request.Headers.Authorization.ToString());
            return "ok";
        }), cancellationToken: Cancel);
    }

    /// <summary>The gateway, its clock set by the test, counting the signature checks the JwtBearer handler completes.</summary>
    private WebApplicationFactory<Program> Gateway() =>
        new ServiceFactory<Program>(new Dictionary<string, string> { ["services:intake:http:0"] = $"http://127.0.0.1:{_intakePort}" }, _tokens)
            .WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                {
                    var validated = options.Events.OnTokenValidated;
                    options.Events.OnTokenValidated = context =>
                    {
                        Interlocked.Increment(ref _checks);
                        return validated(context);
                    };
                });
            }));

    [Fact]
    public async Task A_token_is_checked_once_and_checked_again_when_it_has_expired_including_the_clock_skew()
    {
        await using var gateway = Gateway();
        var client = gateway.CreateClient();
        // exp one minute from now: remembered until exp + the handler's 30 s clock skew.
        var token = _tokens.Mint(TestUser.Machine("source-system", [PlatformRoles.Reporter]), now: _clock.Now, lifetime: TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.OK, (await Send(client, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, token)).StatusCode);
        Assert.Equal(1, _checks);

        _clock.Now += TimeSpan.FromSeconds(85);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, token)).StatusCode);
        Assert.Equal(1, _checks);

        // Past exp + skew the gateway no longer vouches for it: the handler decides again.
        _clock.Now += TimeSpan.FromSeconds(10);
        await Send(client, token);
        Assert.Equal(2, _checks);
    }

    [Fact]
    public async Task A_remembered_token_with_its_signature_or_payload_changed_is_refused_and_never_reaches_the_service()
    {
        await using var gateway = Gateway();
        var client = gateway.CreateClient();
        var user = TestUser.Machine("source-system", [PlatformRoles.Reporter]);
        var token = _tokens.Mint(user, now: _clock.Now);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, token)).StatusCode);

        var parts = token.Split('.');
        var otherSignature = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
        var otherPayload = $"{parts[0]}.{_tokens.Mint(user with { OrgUnit = "lao-cai" }, now: _clock.Now).Split('.')[1]}.{parts[2]}";
        foreach (var forged in new[] { otherSignature, otherPayload, _tokens.Forge(Forgery.OtherKey, user), _tokens.Forge(Forgery.AlgNone, user) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, forged)).StatusCode);
        }

        lock (_reached) Assert.Equal(["Bearer " + token], _reached);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/intake/units");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await _intake.DisposeAsync();
        _tokens.Dispose();
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
