using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Outbox;

namespace Platform.Reporting.Data;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
