using Platform.TestSupport;

namespace Platform.Security.Tests.Authorization;

/// <summary>
/// The processes whose endpoints are walked share one throwaway PostgreSQL and RabbitMQ, and start one after another
/// (a collection runs its classes in sequence): each on its own database and virtual host.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AuthorizationCollection : ICollectionFixture<PlatformInfrastructure>
{
    public const string Name = "Authorization: every process's endpoints";
}
