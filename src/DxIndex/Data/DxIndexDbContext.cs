using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Outbox;

namespace Platform.DxIndex.Data;

public sealed class DxIndexDbContext(DbContextOptions<DxIndexDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
