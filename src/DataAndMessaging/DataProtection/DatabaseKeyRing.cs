using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.DataAndMessaging.Database;

namespace Platform.DataAndMessaging.DataProtection;

/// <summary>One Data Protection key (its XML as the key manager writes it), in table <c>data_protection_keys</c>.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}

/// <summary>
/// Keeps the Data Protection key ring in the service's own database, so every replica and every restart unprotects what the
/// others protected (notifications: the webhook secrets; the gateway: its session cookie, the OpenID Connect state and
/// correlation cookies, the stored sessions). The key ring sits beside what it protects; a deployment that wants them
/// apart protects the keys with a certificate (<c>ProtectKeysWithCertificate</c>).
/// </summary>
public sealed class DatabaseKeyRing<TContext>(IServiceScopeFactory scopes) : IXmlRepository
    where TContext : DbContext
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        db.Set<DataProtectionKey>().Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(k => k.FriendlyName).HasColumnName("friendly_name").HasMaxLength(200);
        builder.Property(k => k.Xml).HasColumnName("xml");
    }
}

public static partial class DatabaseKeyRingExtensions
{
    /// <summary>
    /// Data Protection for <paramref name="applicationName"/> (the same on every replica, whatever its content root) with
    /// its key ring in <typeparamref name="TContext"/>'s table <c>data_protection_keys</c> (map it with
    /// <see cref="DataProtectionKeyConfiguration"/>). Call after <c>AddPlatformDatabase</c>: the first key is made at
    /// start, once the schema exists, under an advisory lock, so replicas starting together on an empty key ring agree
    /// on one key instead of each making its own.
    /// </summary>
    public static IDataProtectionBuilder AddDatabaseKeyRing<TContext>(this IServiceCollection services, string applicationName, string connectionName)
        where TContext : DbContext
    {
        var builder = services.AddDataProtection().SetApplicationName(applicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseKeyRing<TContext>(scopes));
        services.AddHostedService(sp => new FirstKeyAtStart(sp.GetRequiredService<IDataProtectionProvider>(),
            sp.GetRequiredService<IConfiguration>().GetConnectionString(connectionName) ?? "", applicationName,
            sp.GetRequiredService<ILogger<FirstKeyAtStart>>()));
        return builder;
    }

    /// <summary>Loads (and, on an empty ring, makes) the default key while holding an advisory lock named after the application.</summary>
    private sealed partial class FirstKeyAtStart(IDataProtectionProvider provider, string connectionString, string applicationName,
        ILogger<FirstKeyAtStart> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                take.Parameters.AddWithValue("key", PostgresDatabase.AdvisoryKey("data-protection-key-ring:" + applicationName));
                await take.ExecuteNonQueryAsync(cancellationToken);
            }
            // Protecting needs the default key: the key manager reads the ring and makes the first key if there is none.
            provider.CreateProtector("Platform.DataAndMessaging.KeyRingCheck").Protect([1]);
            LogReady(logger, applicationName);
            // The lock goes with the connection.
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Data protection key ring of {Application} is in the database")]
        private static partial void LogReady(ILogger logger, string application);
    }
}
