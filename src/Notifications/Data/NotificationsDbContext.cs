using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Obligations;
using Platform.DataAndMessaging.Outbox;
using Platform.DataAndMessaging.People;
using Platform.DataAndMessaging.Units;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Data;

/// <summary>
/// The notifications service's database. Each feature folder keeps its entities and their
/// <see cref="IEntityTypeConfiguration{TEntity}"/> beside its code; they are picked up from this assembly, and features
/// reach their tables with <c>db.Set&lt;T&gt;()</c>.
/// </summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<KnownUnit> Units => Set<KnownUnit>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredFrameworkVersion> FrameworkVersions => Set<StoredFrameworkVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddFrameworkVersions();
        modelBuilder.AddAuditLog();
        modelBuilder.AddUnitDirectory();
        modelBuilder.AddKnownPeople();
        modelBuilder.AddObligations();
        // The webhook secrets' key ring (Webhooks/WebhooksModule).
        modelBuilder.ApplyConfiguration(new Platform.DataAndMessaging.DataProtection.DataProtectionKeyConfiguration());
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
    }
}
