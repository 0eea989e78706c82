using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Outbox;

namespace Platform.Intake.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
