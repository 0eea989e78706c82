using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Outbox;

namespace Platform.MonthlyScoring.Data;

public sealed class MonthlyScoringDbContext(DbContextOptions<MonthlyScoringDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
