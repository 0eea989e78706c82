using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.DataAndMessaging.DataProtection;

namespace Platform.Gateway.Data;

/// <summary>
/// The gateway's own database (<c>gatewaydb</c>), shared by its replicas: the server-side sessions (<c>sessions</c>,
/// read and written by <see cref="Session.PostgresSessionCache"/>) and the data-protection key ring
/// (<c>data_protection_keys</c>) that protects the session cookie, the OpenID Connect state and the stored sessions.
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "gatewaydb";

    public DbSet<StoredSession> Sessions => Set<StoredSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        modelBuilder.Entity<StoredSession>(session =>
        {
            session.ToTable("sessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).HasColumnName("id").HasMaxLength(200);
            session.Property(s => s.Value).HasColumnName("value");
            session.Property(s => s.ExpiresAt).HasColumnName("expires_at");
            session.Property(s => s.SlidingSeconds).HasColumnName("sliding_seconds");
            session.Property(s => s.AbsoluteExpiration).HasColumnName("absolute_expiration");
            // The sweep deletes by expiry.
            session.HasIndex(s => s.ExpiresAt).HasDatabaseName("ix_sessions_expires_at");
        });
    }
}

/// <summary>
/// One entry of the gateway's <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>: a session, its
/// ticket protected with data protection. Gone from reads once <see cref="ExpiresAt"/> has passed; swept later.
/// </summary>
public sealed class StoredSession
{
    public string Id { get; set; } = "";
    public byte[] Value { get; set; } = [];
    public DateTimeOffset ExpiresAt { get; set; }
    public long? SlidingSeconds { get; set; }
    public DateTimeOffset? AbsoluteExpiration { get; set; }
}

/// <summary>For <c>dotnet ef</c>: without <c>gatewaydb</c> the gateway registers no DbContext (in-memory sessions).</summary>
internal sealed class GatewayDbContextDesignTimeFactory : IDesignTimeDbContextFactory<GatewayDbContext>
{
    public GatewayDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<GatewayDbContext>().UseNpgsql().Options);
}
