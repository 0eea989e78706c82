extern alias intake;
extern alias scoring;
extern alias dxindex;
extern alias notifications;
extern alias reporting;
extern alias gateway;
extern alias web;
extern alias identity;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Security;
using Platform.TestSupport;
using Platform.TestSupport.Security;

namespace Platform.Security.Tests.Hygiene;

/// <summary>
/// Every process people or other systems reach, hosted in-process on the assembly's real PostgreSQL and RabbitMQ: the five
/// services, the gateway, the web application and the identity provider. Each answers <see cref="FailurePath"/> by throwing
/// (a deliberately failing request, behind all of the process's own middleware), and may log into a test logger provider.
/// </summary>
internal sealed class HygieneHosts : IAsyncDisposable
{
    /// <summary>No endpoint matches it (it looks like a file, so no page fallback either): the test middleware throws.</summary>
    public const string FailurePath = "/hygiene-deliberate-failure.boom";

    /// <summary>Where the gateway's clusters point: nothing listens there (the proxy answers 502).</summary>
    public const string Nowhere = "http://127.0.0.1:9";

    public static readonly TestUser Admin = new("hygiene-admin", PlatformRoles.All, null, "01") { Name = "Quản trị kiểm thử" };

    private readonly List<IAsyncDisposable> _owned = [];

    public List<HostedProcess> Processes { get; } = [];

    /// <summary>Tells notifications about the admin's unit (<see cref="Admin"/>'s <c>org_unit</c>), as intake would.</summary>
    public Func<Task> RegisterAdminUnitAtNotifications { get; private set; } = () => Task.CompletedTask;

    public static async Task<HygieneHosts> StartAsync(PlatformInfrastructure infrastructure, ILoggerProvider? logs = null,
        IReadOnlyDictionary<string, string>? extraSettings = null, LogLevel minimum = LogLevel.Information, bool servicesOnly = false)
    {
        var hosts = new HygieneHosts();
        void Test(IServiceCollection services)
        {
            services.AddSingleton<IStartupFilter>(new FailingPathFilter());
            if (logs is not null)
            {
                services.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(minimum));
            }
        }
        var settings = LogLevels(minimum);
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>()) settings[key] = value;

        await hosts.AddServiceAsync<intake::Program, intake::Platform.Intake.Data.IntakeDbContext>(infrastructure, "intake", intake::Platform.Intake.IntakeModule.DatabaseName, settings, Test);
        await hosts.AddServiceAsync<scoring::Program, scoring::Platform.MonthlyScoring.Data.MonthlyScoringDbContext>(infrastructure, "monthly-scoring", scoring::Platform.MonthlyScoring.MonthlyScoringModule.DatabaseName, settings, Test);
        await hosts.AddServiceAsync<dxindex::Program, dxindex::Platform.DxIndex.Data.DxIndexDbContext>(infrastructure, "dx-index", dxindex::Platform.DxIndex.DxIndexModule.DatabaseName, settings, Test);
        await hosts.AddServiceAsync<notifications::Program, notifications::Platform.Notifications.Data.NotificationsDbContext>(infrastructure, "notifications", notifications::Platform.Notifications.NotificationsModule.DatabaseName, settings, Test);
        await hosts.AddServiceAsync<reporting::Program, reporting::Platform.Reporting.Data.ReportingDbContext>(infrastructure, "reporting", reporting::Platform.Reporting.ReportingModule.DatabaseName, settings, Test);

        if (servicesOnly) return hosts;
        var tokens = new TestTokens();
        hosts._owned.Add(new Disposer(tokens.Dispose));
        var gatewaySettings = new Dictionary<string, string>(settings)
        {
            ["ConnectionStrings:gatewaydb"] = infrastructure.NewDatabaseConnectionString("hygiene-gateway"),
            ["Gateway:RateLimit:PermitLimit"] = "100000",
        };
        foreach (var service in new[] { "intake", "monthly-scoring", "dx-index", "notifications", "reporting", "web" })
        {
            gatewaySettings[$"services:{service}:http:0"] = Nowhere;
        }
        hosts.AddFactory("gateway", new ServiceFactory<gateway::Program>(gatewaySettings, tokens, Test), tokens);

        // The web application's calls to the gateway are answered at once "not signed in": pages render for a visitor.
        hosts.AddFactory("web", new ServiceFactory<web::Program>(new Dictionary<string, string>(settings) { ["Web:GatewayAddress"] = Nowhere }, null, services =>
        {
            Test(services);
            services.AddHttpClient<web::Platform.Web.Api.PlatformApi>().ConfigurePrimaryHttpMessageHandler(() => new NotSignedIn());
        }), null);
        hosts.AddFactory("identity", new ServiceFactory<identity::Program>(new Dictionary<string, string>(settings) { ["IdentityProvider:PublicUrl"] = "http://localhost" }, null, Test), null);
        return hosts;
    }

    /// <summary>
    /// What an operator sets to see everything: the default and every category the processes' appsettings quiet, at
    /// <paramref name="level"/> (the caps the processes set in code for secrets stay: <c>SecretSafeLogging</c>).
    /// </summary>
    public static Dictionary<string, string> LogLevels(LogLevel level) => new[]
    {
        "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "MassTransit", "Yarp", "System", "OpenIddict",
    }.ToDictionary(c => $"Logging:LogLevel:{c}", _ => level.ToString());

    /// <summary>A gateway that lets through bodies of at most 1 KB and three requests per caller and window.</summary>
    public static Task<HostedProcess> StartLimitedGatewayAsync(PlatformInfrastructure infrastructure, List<IAsyncDisposable> owned)
    {
        var tokens = new TestTokens();
        owned.Add(new Disposer(tokens.Dispose));
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:gatewaydb"] = infrastructure.NewDatabaseConnectionString("hygiene-gateway-limited"),
            ["Gateway:RateLimit:PermitLimit"] = "3",
            ["Gateway:RateLimit:Window"] = "01:00:00",
            ["Gateway:MaxRequestBodyBytes"] = "1024",
            ["services:intake:http:0"] = Nowhere,
            ["services:web:http:0"] = Nowhere,
        };
        var hosts = new HygieneHosts();
        hosts.AddFactory("gateway-limited", new ServiceFactory<gateway::Program>(settings, tokens), tokens);
        owned.Add(hosts);
        return Task.FromResult(hosts.Processes[0]);
    }

    private async Task AddServiceAsync<TProgram, TDbContext>(PlatformInfrastructure infrastructure, string name, string database,
        IReadOnlyDictionary<string, string> settings, Action<IServiceCollection> services)
        where TProgram : class
        where TDbContext : Microsoft.EntityFrameworkCore.DbContext
    {
        var host = await ServiceHost.StartAsync<TProgram, TDbContext>(infrastructure, database, "hygiene-" + name, settings, services: services);
        _owned.Add(host);
        if (name == "notifications")
        {
            RegisterAdminUnitAtNotifications = () => host.DeliverAsync(new Platform.Contracts.OrganisationUnitRegistered(
                "national", Admin.OrgUnit!, "Đơn vị kiểm thử", "national", null, 1, DateTimeOffset.UtcNow));
        }
        Processes.Add(new HostedProcess(name, host.Services,
            user => host.Client(user), user => user is null ? null : host.Tokens.Mint(user, lifetime: TimeSpan.FromHours(1))));
    }

    private void AddFactory<TProgram>(string name, ServiceFactory<TProgram> factory, TestTokens? tokens) where TProgram : class
    {
        _owned.Add(factory);
        factory.CreateClient().Dispose();
        Processes.Add(new HostedProcess(name, factory.Services,
            user =>
            {
                var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
                if (user is not null && tokens is not null)
                {
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint(user, lifetime: TimeSpan.FromHours(1)));
                }
                return client;
            },
            user => user is null || tokens is null ? null : tokens.Mint(user, lifetime: TimeSpan.FromHours(1))));
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) await _owned[i].DisposeAsync();
    }

    private sealed class NotSignedIn : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized) { RequestMessage = request });
    }

    private sealed class Disposer(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>After the process's whole pipeline: reached only when no endpoint answered, inside its exception handling.</summary>
    private sealed class FailingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, following) => context.Request.Path.Equals(FailurePath, StringComparison.Ordinal)
                ? throw new InvalidOperationException("Deliberate failure of the hygiene tests.")
                : following(context));
        };
    }
}

/// <summary>One hosted process: its services (endpoint data source, logging) and clients with or without a user's token.</summary>
internal sealed record HostedProcess(string Name, IServiceProvider Services, Func<TestUser?, HttpClient> Client, Func<TestUser?, string?> Token);
