namespace Platform.Intake.Machine;

/// <summary>
/// A machine request done under an <c>Idempotency-Key</c>: the key of (tenant, client, key), a SHA-256 of what was
/// asked (method, path, body) and the answer given, replayed to a retry. Only successful answers are kept.
/// </summary>
public sealed class IdempotencyRequest
{
    private IdempotencyRequest() { }

    public IdempotencyRequest(string tenant, string clientSubject, string key, string requestHash, int statusCode, string responseBody, DateTimeOffset createdAt)
    {
        Tenant = tenant;
        ClientSubject = clientSubject;
        Key = key;
        RequestHash = requestHash;
        StatusCode = statusCode;
        ResponseBody = responseBody;
        CreatedAt = createdAt;
    }

    public string Tenant { get; private init; } = "";
    public string ClientSubject { get; private init; } = "";
    public string Key { get; private init; } = "";

    /// <summary>Lower-case hex SHA-256 of <c>METHOD\npath\n</c> followed by the body bytes.</summary>
    public string RequestHash { get; private init; } = "";
    public int StatusCode { get; private init; }

    /// <summary>The JSON answered, stored as jsonb and sent back as PostgreSQL renders it, on the first answer too.</summary>
    public string ResponseBody { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }
}
