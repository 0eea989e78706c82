using System.Globalization;
using Platform.AppHost.Infrastructure;
using Platform.LocalInfrastructure;

namespace Platform.AppHost;

/// <summary>
/// The projects of the application model: the identity provider (or Keycloak's image), the five services on their own
/// databases and the bus, the web application and the gateway in front — connection strings and service discovery from
/// <c>WithReference</c>, start order from <c>WaitFor</c>, readiness from each project's <c>/health</c>.
/// </summary>
internal static class PlatformModel
{
    public const string Realm = "platform";
    public const string ApiAudience = "platform-api";
    private const int PreferredGatewayPort = 8080;
    public const string MailCatcherResource = "mail";

    public static void Add(IDistributedApplicationBuilder builder, PlatformInfrastructure infrastructure, AppHostOptions options, bool containers)
    {
        // Every project runs in AppHost's environment (Development unless told otherwise), as `dotnet run` would.
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            foreach (var project in @event.Model.Resources.OfType<ProjectResource>())
                project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                    context.EnvironmentVariables.TryAdd("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)));
            return Task.CompletedTask;
        });
        var identity = containers
            ? (IResourceBuilder<IResourceWithEndpoints>)Containers.AddKeycloak(builder, RealmFile(options))
            : builder.AddProject<Projects.IdentityProvider>("identity").WithHttpHealthCheck("/health");
        if (identity is IResourceBuilder<ProjectResource> provider)
            provider.WithEnvironment(context => context.EnvironmentVariables["IdentityProvider__PublicUrl"] = provider.GetEndpoint("http"));
        var issuer = identity.GetEndpoint("http");

        var notifications = builder.AddProject<Projects.Notifications>("notifications");
        var services = new[]
        {
            Service(builder.AddProject<Projects.Intake>("intake"), infrastructure, "intakedb", issuer),
            Service(builder.AddProject<Projects.MonthlyScoring>("monthly-scoring"), infrastructure, "monthlyscoringdb", issuer),
            // Illustrative data ("dữ liệu minh họa", docs/dx-index.md): DTI 2025 for Hà Nội, Đà Nẵng and Cần Thơ; QĐ 2244 years; an NQ57 round of 12 communes.
            Service(builder.AddProject<Projects.DxIndex>("dx-index")
                .WithEnvironment("DxIndex__Dti__DemoData", "true")
                .WithEnvironment("DxIndex__AnnualCriteria__DemoData", "true")
                .WithEnvironment("DxIndex__Nq57__DemoData", "true"), infrastructure, "dxindexdb", issuer),
            Service(notifications, infrastructure, "notificationsdb", issuer),
            Service(builder.AddProject<Projects.Reporting>("reporting"), infrastructure, "reportingdb", issuer),
        };

        // Intake publishes the unit directory and the obligations as soon as it starts: on a fresh broker an event published
        // before a subscriber's queue is bound reaches nobody, so intake starts once every subscribing service is healthy
        // (its bus connected, its queues bound). After the first start the queues are durable and the order no longer matters.
        foreach (var subscriber in services.Skip(1)) services[0].WaitFor(subscriber);

        var web = Project(builder.AddProject<Projects.Web>("web"), issuer);
        var gatewayPort = AppHostOptions.Port(builder.Configuration, "Gateway:Port")
            ?? (!options.Smoke && !AppHostOptions.UnderTestHarness(builder.Configuration) && Ports.IsFree(PreferredGatewayPort)
                ? PreferredGatewayPort
                : Ports.GetFree());
        var gateway = Project(builder.AddProject<Projects.Gateway>("gateway"), issuer, gatewayPort)
            .WithExternalHttpEndpoints()
            // Browser sign-in at the gateway: the realm file's confidential web client (development secret).
            .WithEnvironment("Gateway__Oidc__ClientId", "platform-web")
            .WithEnvironment("Gateway__Oidc__ClientSecret", "dev-only-platform-web-secret")
            // The web application calls on behalf of every signed-in person from 127.0.0.1 and names the browser in
            // X-Forwarded-For; counted per person, not as one caller (docs/security.md, rate limits).
            .WithEnvironment("Gateway__RateLimit__TrustedForwarders__0", "127.0.0.1")
            .WithReference(web)
            .WaitFor(identity)
            .WaitFor(web);
        // Its own database: the sessions and the data-protection key ring every gateway replica shares.
        var gatewayDb = infrastructure.Databases["gatewaydb"];
        gateway.WithReference(gatewayDb.ConnectionString);
        if (gatewayDb.Server is { } gatewayDbServer) gateway.WaitFor(gatewayDbServer);
        foreach (var service in services) gateway.WithReference(service).WaitFor(service);
        web.WithReference(gateway);

        // E-mails link to the pages people open through the gateway.
        notifications.WithEnvironment("Notifications__WebBaseUrl", gateway.GetEndpoint("http"));
        if (builder.Environment.IsDevelopment()) AddMailCatcher(builder, notifications);
    }

    /// <summary>
    /// In development the notifications service sends its e-mails to the SMTP catcher (src/MailCatcher), which keeps them
    /// and shows them on a page of its own (StartupReport prints the address): nobody real is mailed.
    /// </summary>
    private static void AddMailCatcher(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> notifications)
    {
        var smtpPort = (AppHostOptions.Port(builder.Configuration, "MailCatcher:SmtpPort") ?? Ports.GetFree()).ToString(CultureInfo.InvariantCulture);
        var mail = builder.AddProject<Projects.MailCatcher>(MailCatcherResource)
            .WithHttpEndpoint(name: "http")
            .WithHttpHealthCheck("/health")
            .WithEnvironment("MailCatcher__SmtpPort", smtpPort);
        notifications
            .WithEnvironment("Notifications__Email__Host", "127.0.0.1")
            .WithEnvironment("Notifications__Email__Port", smtpPort)
            .WithEnvironment("Notifications__Email__UseTls", "false")
            .WaitFor(mail);
    }

    private static IResourceBuilder<ProjectResource> Service(IResourceBuilder<ProjectResource> project, PlatformInfrastructure infrastructure,
        string database, EndpointReference issuer)
    {
        var db = infrastructure.Databases[database];
        Project(project, issuer).WithReference(db.ConnectionString).WithReference(infrastructure.Messaging);
        if (db.Server is { } server) project.WaitFor(server);
        if (infrastructure.Broker is { } broker) project.WaitFor(broker);
        return project;
    }

    /// <summary>Every project validates tokens like Keycloak's adapter: realm, public URL of the identity provider, its audience.</summary>
    private static IResourceBuilder<ProjectResource> Project(IResourceBuilder<ProjectResource> project, EndpointReference issuer, int? port = null) =>
        project.WithHttpEndpoint(port: port, name: "http")
            .WithHttpHealthCheck("/health")
            .WithEnvironment("Keycloak__AuthServerUrl", issuer)
            .WithEnvironment("Keycloak__Realm", Realm)
            .WithEnvironment("Keycloak__Resource", ApiAudience);

    private static string RealmFile(AppHostOptions options) => Path.Combine(options.RepositoryRoot, "deploy", "keycloak", "platform-realm.json");
}
