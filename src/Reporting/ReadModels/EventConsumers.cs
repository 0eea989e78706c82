using Platform.Contracts;
using Platform.DataAndMessaging.Frameworks;
using Platform.Reporting.Data;

namespace Platform.Reporting.ReadModels;

// One consumer (and so one queue, e.g. reporting-scores-published) per event the service reads; all of them journal the
// event and apply it through the Projector (JournalConsumer).

public sealed class OrganisationUnitRegisteredConsumer(ReportingDbContext db, Projector projector, TimeProvider time,
    ILogger<OrganisationUnitRegisteredConsumer> logger) : JournalConsumer<OrganisationUnitRegistered>(db, projector, time, logger);

public sealed class FrameworkVersionPublishedConsumer(ReportingDbContext db, Projector projector, TimeProvider time,
    FrameworkStore<ReportingDbContext> store, ILogger<FrameworkVersionPublishedConsumer> logger)
    : JournalConsumer<FrameworkVersionPublished>(db, projector, time, logger)
{
    protected override Task AfterCommitAsync(FrameworkVersionPublished message, CancellationToken ct) => store.ReloadAsync(ct);
}

public sealed class ObligationsAnnouncedConsumer(ReportingDbContext db, Projector projector, TimeProvider time,
    ILogger<ObligationsAnnouncedConsumer> logger) : JournalConsumer<ObligationsAnnounced>(db, projector, time, logger);

public sealed class SubmissionSubmittedConsumer(ReportingDbContext db, Projector projector, TimeProvider time,
    ILogger<SubmissionSubmittedConsumer> logger) : JournalConsumer<SubmissionSubmitted>(db, projector, time, logger);

public sealed class SubmissionReturnedConsumer(ReportingDbContext db, Projector projector, TimeProvider time,
    ILogger<SubmissionReturnedConsumer> logger) : JournalConsumer<SubmissionReturned>(db, projector, time, logger);

public sealed class SubmissionApprovedConsumer(ReportingDbContext db, Projector projector, TimeProvider time,
    ILogger<SubmissionApprovedConsumer> logger) : JournalConsumer<SubmissionApproved>(db, projector, time, logger);

public sealed class PeriodClosedConsumer(ReportingDbContext db, Projector projector, TimeProvider time,
    ILogger<PeriodClosedConsumer> logger) : JournalConsumer<PeriodClosed>(db, projector, time, logger);

public sealed class PeriodReopenedConsumer(ReportingDbContext db, Projector projector, TimeProvider time,
    ILogger<PeriodReopenedConsumer> logger) : JournalConsumer<PeriodReopened>(db, projector, time, logger);

public sealed class ScoresPublishedConsumer(ReportingDbContext db, Projector projector, TimeProvider time,
    ILogger<ScoresPublishedConsumer> logger) : JournalConsumer<ScoresPublished>(db, projector, time, logger);

public sealed class ScoresPublishedPartConsumer(ReportingDbContext db, Projector projector, TimeProvider time,
    ILogger<ScoresPublishedPartConsumer> logger) : JournalConsumer<ScoresPublishedPart>(db, projector, time, logger);

public sealed class DxIndexPublishedConsumer(ReportingDbContext db, Projector projector, TimeProvider time,
    ILogger<DxIndexPublishedConsumer> logger) : JournalConsumer<DxIndexPublished>(db, projector, time, logger);
