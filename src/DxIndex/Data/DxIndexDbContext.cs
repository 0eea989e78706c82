using Microsoft.EntityFrameworkCore;
using Platform.DataAndMessaging.Outbox;

namespace Platform.DxIndex.Data;

public sealed class DxIndexDbContext(DbContextOptions<DxIndexDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
