using Platform.DataAndMessaging.Audit;
using Platform.Intake.Audit;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Assignments;
using Platform.DataAndMessaging.People;
using Platform.Intake.Periods;
using Platform.Intake.Obligations;
using Platform.Intake.Evidence;
using Platform.Intake.Federation;
using Platform.Intake.Machine;
using Platform.Intake.Submissions;
using Platform.Intake.Units;
using Platform.DataAndMessaging.Frameworks;
using Platform.DataAndMessaging.Outbox;

namespace Platform.Intake.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<OrganisationUnit> OrganisationUnits => Set<OrganisationUnit>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<SubmissionValueChange> SubmissionValueChanges => Set<SubmissionValueChange>();
    public DbSet<SubmissionReturnRecord> SubmissionReturns => Set<SubmissionReturnRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Reopening> Reopenings => Set<Reopening>();
    public DbSet<ClosedPeriod> ClosedPeriods => Set<ClosedPeriod>();
    public DbSet<AnnouncedObligation> AnnouncedObligations => Set<AnnouncedObligation>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<EvidenceBlob> EvidenceBlobs => Set<EvidenceBlob>();
    public DbSet<IdempotencyRequest> IdempotencyRequests => Set<IdempotencyRequest>();
    public DbSet<KnownPerson> KnownPeople => Set<KnownPerson>();
    public DbSet<StoredFrameworkVersion> FrameworkVersions => Set<StoredFrameworkVersion>();
    public DbSet<FederatedMessage> FederatedMessages => Set<FederatedMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfiguration(new OrganisationUnitConfiguration());
        modelBuilder.ApplyConfiguration(new SubmissionConfiguration());
        modelBuilder.ApplyConfiguration(new SubmissionValueChangeConfiguration());
        modelBuilder.ApplyConfiguration(new SubmissionReturnConfiguration());
        modelBuilder.AddAuditLog();
        modelBuilder.ApplyConfiguration(new AssignmentConfiguration());
        modelBuilder.ApplyConfiguration(new ReopeningConfiguration());
        modelBuilder.ApplyConfiguration(new ClosedPeriodConfiguration());
        modelBuilder.ApplyConfiguration(new AnnouncedObligationConfiguration());
        modelBuilder.ApplyConfiguration(new EvidenceFileConfiguration());
        modelBuilder.ApplyConfiguration(new EvidenceBlobConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRequestConfiguration());
        modelBuilder.AddKnownPeople();
        modelBuilder.AddFrameworkVersions();
        modelBuilder.ApplyConfiguration(new FederatedMessageConfiguration());
    }
}
