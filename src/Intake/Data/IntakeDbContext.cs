using Microsoft.EntityFrameworkCore;
using Platform.Intake.Units;
using Platform.ServiceDefaults.Outbox;

namespace Platform.Intake.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<OrganisationUnit> OrganisationUnits => Set<OrganisationUnit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfiguration(new OrganisationUnitConfiguration());
    }
}
