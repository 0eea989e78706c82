using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Web.Tests;

/// <summary>A form shown by one web replica and posted to another (no sticky sessions between the gateway and the web).</summary>
public sealed class ReplicaAntiforgeryTests : IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "platform-web-keys-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task A_form_token_issued_by_one_replica_is_accepted_by_another_sharing_the_keys_directory_and_refused_by_one_with_keys_of_its_own()
    {
        using var stub = new StubGateway();
        await using var first = Replica(stub, _keys);
        await using var second = Replica(stub, _keys);
        await using var alone = Replica(stub, Path.Combine(_keys, "elsewhere"));

        var issued = Issue(first);

        Assert.True(await AcceptsAsync(second, issued));
        Assert.False(await AcceptsAsync(alone, issued));
    }

    private static WebApplicationFactory<Program> Replica(StubGateway stub, string keys) =>
        new InProcessWeb(stub).WithWebHostBuilder(b => b.UseSetting("Web:DataProtection:KeysDirectory", keys));

    private static AntiforgeryTokenSet Issue(WebApplicationFactory<Program> web)
    {
        using var scope = web.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        return scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
    }

    private static async Task<bool> AcceptsAsync(WebApplicationFactory<Program> web, AntiforgeryTokenSet tokens)
    {
        using var scope = web.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "POST";
        context.Request.Headers.Cookie = $"platform.antiforgery={tokens.CookieToken}";
        context.Request.Headers[tokens.HeaderName!] = tokens.RequestToken;
        return await scope.ServiceProvider.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }

    public void Dispose()
    {
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
    }
}
