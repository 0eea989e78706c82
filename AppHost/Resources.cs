namespace Platform.AppHost;

/// <summary>A .NET project AppHost runs as a child process.</summary>
/// <param name="Name">Aspire resource name; also OTEL_SERVICE_NAME and the <c>services__{Name}__http__0</c> key.</param>
/// <param name="ProjectFolder">Folder of the project, relative to the repository root.</param>
/// <param name="AssemblyName">File name of the built dll, without extension.</param>
/// <param name="Database">Connection name of its database (<c>ConnectionStrings__{Database}</c>), if it has one.</param>
internal sealed record ProjectResource(string Name, string ProjectFolder, string AssemblyName, string? Database);

/// <summary>
/// The application model. With Aspire's hosting packages this file becomes:
/// <code>
/// var postgres = builder.AddPostgres("postgres");
/// var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();
/// var intake = builder.AddProject&lt;Projects.Intake&gt;("intake")
///     .WithReference(postgres.AddDatabase("intakedb")).WithReference(messaging).WaitFor(postgres).WaitFor(messaging);
/// // ... monthly-scoring, dx-index, notifications, reporting alike ...
/// builder.AddProject&lt;Projects.Gateway&gt;("gateway")
///     .WithReference(intake).WaitFor(intake) /* ... every service ... */ .WithHttpEndpoint(port: 8080);
/// </code>
/// Names and databases must match the ServiceName and DatabaseName constants of each service's *Module.cs.
/// </summary>
internal static class Resources
{
    public const string AppHost = "apphost";
    public const string Postgres = "postgres";
    public const string Messaging = "messaging";

    /// <summary>The five services; they start together once PostgreSQL and RabbitMQ are up.</summary>
    public static readonly IReadOnlyList<ProjectResource> Services =
    [
        new("intake", "src/Intake", "Intake", "intakedb"),
        new("monthly-scoring", "src/MonthlyScoring", "MonthlyScoring", "monthlyscoringdb"),
        new("dx-index", "src/DxIndex", "DxIndex", "dxindexdb"),
        new("notifications", "src/Notifications", "Notifications", "notificationsdb"),
        new("reporting", "src/Reporting", "Reporting", "reportingdb"),
    ];

    /// <summary>Starts after every service is healthy; finds them through <c>services__*</c> variables.</summary>
    public static readonly ProjectResource Gateway = new("gateway", "src/Gateway", "Gateway", null);

    /// <summary>
    /// The development identity provider standing in for Keycloak (<c>AddProject&lt;Projects.IdentityProvider&gt;("identity")</c>);
    /// every other project gets <c>Keycloak__AuthServerUrl/Realm/Resource</c> pointing at it. Starts with the services.
    /// </summary>
    public static readonly ProjectResource Identity = new("identity", "src/IdentityProvider", "IdentityProvider", null);

    /// <summary>
    /// The web application people open (<c>AddProject&lt;Projects.Web&gt;("web").WithReference(gateway)</c>): served by the
    /// gateway under <c>/</c>, calling the services back through the gateway. Starts with the services.
    /// </summary>
    public static readonly ProjectResource Web = new("web", "src/Web", "Web", null);

    public const string Realm = "platform";
    public const string ApiAudience = "platform-api";

    public static IEnumerable<ProjectResource> Projects => [Identity, .. Services, Web, Gateway];
}
