using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Scoring;
using Platform.Scoring.Definitions;

namespace Platform.DataAndMessaging.Frameworks;

/// <summary>
/// Keeps a service's <see cref="FrameworkVersions"/> equal to its store: the shipped versions and every stored one
/// (a stored version replaces a shipped one of the same id and version), each in force until the next version of its
/// framework takes effect (<see cref="FrameworkCatalog.FromVersions"/>). Loaded before the service serves, again after
/// this replica stores a version (<see cref="ReloadAsync"/>), and every <c>Frameworks:RefreshSeconds</c> (30 s) so that
/// a version another replica stored is seen within that time.
/// </summary>
public sealed partial class FrameworkStore<TContext>(
    IServiceScopeFactory scopes, FrameworkVersions versions, IConfiguration configuration, ILogger<FrameworkStore<TContext>> logger)
    : BackgroundService where TContext : DbContext
{
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>The catalogue this store keeps current.</summary>
    public FrameworkVersions Versions => versions;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("Frameworks:RefreshSeconds", 30));
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReloadFailed(logger, ex);
            }
        }
    }

    /// <summary>Reads the store again and replaces the catalogue.</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var stored = await db.Set<StoredFrameworkVersion>().AsNoTracking().ToListAsync(ct);
            var definitions = FrameworkCatalog.ShippedDefinitions().ToDictionary(d => (d.Id, d.Version));
            foreach (var row in stored)
            {
                var (framework, problems) = FrameworkFile.Read(row.Definition);
                if (framework is null)
                {
                    LogUnreadable(logger, row.FrameworkId, row.Version, string.Join("; ", problems));
                    continue;
                }
                definitions[(framework.Id, framework.Version)] = framework.Definition;
            }
            var catalog = FrameworkCatalog.FromVersions(definitions.Values);
            if (Changed(versions.Catalog, catalog)) LogLoaded(logger, catalog.All.Count, stored.Count);
            versions.Replace(catalog);
        }
        finally
        {
            _loading.Release();
        }
    }

    private static bool Changed(FrameworkCatalog before, FrameworkCatalog after) =>
        before.All.Count != after.All.Count
        || before.All.Zip(after.All).Any(p => p.First.Id != p.Second.Id || p.First.Version != p.Second.Version
                                              || p.First.Definition.EffectiveTo != p.Second.Definition.EffectiveTo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Framework catalogue loaded: {Versions} version(s), {Stored} stored")]
    private static partial void LogLoaded(ILogger logger, int versions, int stored);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored framework version {FrameworkId} {Version} is left out: {Problems}")]
    private static partial void LogUnreadable(ILogger logger, string frameworkId, string version, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the framework catalogue failed; the previous one stays in use")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}

public static class FrameworkStoreExtensions
{
    /// <summary>
    /// The service's framework versions, loaded from <typeparamref name="TContext"/>'s <c>framework_versions</c> after the
    /// hosted services registered before this call (migrations, seeding); handlers take a <see cref="FrameworkCatalog"/>.
    /// </summary>
    public static IHostApplicationBuilder AddFrameworkStore<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddSingleton(new FrameworkVersions(FrameworkCatalog.Shipped()));
        builder.Services.AddTransient(sp => sp.GetRequiredService<FrameworkVersions>().Catalog);
        builder.Services.AddSingleton<FrameworkStore<TContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FrameworkStore<TContext>>());
        return builder;
    }
}
