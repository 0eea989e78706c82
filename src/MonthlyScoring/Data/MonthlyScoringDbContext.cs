using Platform.DataAndMessaging.Audit;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Bonus;
using Platform.MonthlyScoring.Inputs;
using Platform.MonthlyScoring.Runs;
using Platform.DataAndMessaging.Units;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Outbox;

namespace Platform.MonthlyScoring.Data;

public sealed class MonthlyScoringDbContext(DbContextOptions<MonthlyScoringDbContext> options) : DbContext(options)
{
    public DbSet<KnownUnit> Units => Set<KnownUnit>();
    public DbSet<ApprovedValue> ApprovedValues => Set<ApprovedValue>();
    public DbSet<ClosedPeriod> ClosedPeriods => Set<ClosedPeriod>();
    public DbSet<ScoreRun> ScoreRuns => Set<ScoreRun>();
    public DbSet<BonusProposal> BonusProposals => Set<BonusProposal>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredFrameworkVersion> FrameworkVersions => Set<StoredFrameworkVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        // A publication of a large peer group writes tens of MiB of events at once (ScoresPublishedPart): kept as json text
        // (checked, not re-parsed into jsonb's binary form: that alone took seconds of a 41,000-unit publication; nothing
        // queries inside the bodies but the bench), compressed with lz4, not pglz.
        modelBuilder.Entity<OutboxMessage>().Property(m => m.Body).HasColumnType("json").UseCompressionMethod("lz4");
        modelBuilder.AddFrameworkVersions();
        modelBuilder.AddUnitDirectory();
        modelBuilder.ApplyConfiguration(new ApprovedValueConfiguration());
        modelBuilder.ApplyConfiguration(new ClosedPeriodConfiguration());
        modelBuilder.ApplyConfiguration(new ScoreRunConfiguration());
        modelBuilder.ApplyConfiguration(new BonusProposalConfiguration());
        modelBuilder.AddAuditLog();
    }
}
