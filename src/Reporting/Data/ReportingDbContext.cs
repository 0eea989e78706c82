using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Audit;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Obligations;
using Platform.DataAndMessaging.Outbox;
using Platform.DataAndMessaging.Units;

namespace Platform.Reporting.Data;

/// <summary>
/// The reporting service's database: the event journal and the read models built from it (<c>ReadModels/</c>), the
/// copies of the unit directory, the framework versions and intake's obligations (shared models in DataAndMessaging).
/// Feature folders keep their entities' <see cref="IEntityTypeConfiguration{TEntity}"/> beside their code; they are
/// picked up from this assembly and reached with <c>db.Set&lt;T&gt;()</c>.
/// </summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddFrameworkVersions();
        modelBuilder.AddAuditLog();
        modelBuilder.AddUnitDirectory();
        modelBuilder.AddObligations();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
    }
}
