using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Outbox;
using Platform.DataAndMessaging.Units;

namespace Platform.DxIndex.Data;

/// <summary>
/// The DX index service's database. Each feature folder (Dti, Nq57, AnnualCriteria) keeps its entities and their
/// <see cref="IEntityTypeConfiguration{TEntity}"/> beside its code; they are picked up from this assembly, and features
/// reach their tables with <c>db.Set&lt;T&gt;()</c>.
/// </summary>
public sealed class DxIndexDbContext(DbContextOptions<DxIndexDbContext> options) : DbContext(options)
{
    public DbSet<KnownUnit> Units => Set<KnownUnit>();
    public DbSet<StoredFrameworkVersion> FrameworkVersions => Set<StoredFrameworkVersion>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddFrameworkVersions();
        modelBuilder.AddAuditLog();
        modelBuilder.AddUnitDirectory();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DxIndexDbContext).Assembly);
    }
}
