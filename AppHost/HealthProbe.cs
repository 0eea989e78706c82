using System.Net;
using System.Net.Sockets;

namespace Platform.AppHost;

/// <summary>Asks a service's <c>GET /health</c> (database and broker checks included) or a server's TCP port.</summary>
internal static class HealthProbe
{
    // No proxy: everything AppHost asks runs on this machine.
    private static readonly HttpClient Client = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Healthy on 200; otherwise a short description of the answer for the operator.</summary>
    public static async Task<(bool Healthy, string Detail)> CheckAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var (status, body) = await GetAsync(baseUrl + "/health", cancellationToken);
        return (status == HttpStatusCode.OK, status is null ? body : $"{(int)status} {body}");
    }

    /// <summary>Status code and the first 300 characters of the body; a null status and the reason if there was no answer.</summary>
    public static async Task<(HttpStatusCode? Status, string Body)> GetAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Client.GetAsync(new Uri(url), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (response.StatusCode, body.Length > 300 ? body[..300] + "..." : body);
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {Client.Timeout.TotalSeconds:0} s");
        }
    }

    public static async Task<bool> AcceptsTcpAsync(string host, int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(3));
            await client.ConnectAsync(host, port, limit.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
