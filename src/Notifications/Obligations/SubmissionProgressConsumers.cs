using MassTransit;
using Platform.Contracts;
using Platform.DataAndMessaging.Obligations;
using Platform.DataAndMessaging.Outbox;
using Platform.Notifications.Data;

namespace Platform.Notifications.Obligations;

/// <summary>A report handed in no longer owes (<see cref="SubmissionProgress"/>).</summary>
public sealed class SubmissionSubmittedProgressConsumer(NotificationsDbContext db) : IConsumer<SubmissionSubmitted>
{
    public async Task Consume(ConsumeContext<SubmissionSubmitted> context)
    {
        var m = context.Message;
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (!await db.TryStartProcessingAsync(context, nameof(SubmissionSubmittedProgressConsumer))) return;
        await SubmissionProgressStore.ApplyAsync(db, m.Tenant, m.SubmissionId, m.FrameworkId, m.Period, m.ReportingUnit, m.TargetUnit,
            SubmissionStates.Submitted, m.Revision, m.OccurredAt.ToUniversalTime(), context.CancellationToken, m.Late);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }
}

/// <summary>A returned report owes again (<see cref="SubmissionProgress"/>).</summary>
public sealed class SubmissionReturnedProgressConsumer(NotificationsDbContext db) : IConsumer<SubmissionReturned>
{
    public async Task Consume(ConsumeContext<SubmissionReturned> context)
    {
        var m = context.Message;
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (!await db.TryStartProcessingAsync(context, nameof(SubmissionReturnedProgressConsumer))) return;
        await SubmissionProgressStore.ApplyAsync(db, m.Tenant, m.SubmissionId, m.FrameworkId, m.Period, m.ReportingUnit, m.TargetUnit,
            SubmissionStates.Returned, m.Revision, m.OccurredAt.ToUniversalTime(), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }
}

/// <summary>An approved report no longer owes (<see cref="SubmissionProgress"/>), even when the approval arrives first.</summary>
public sealed class SubmissionApprovedProgressConsumer(NotificationsDbContext db) : IConsumer<SubmissionApproved>
{
    public async Task Consume(ConsumeContext<SubmissionApproved> context)
    {
        var m = context.Message;
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (!await db.TryStartProcessingAsync(context, nameof(SubmissionApprovedProgressConsumer))) return;
        await SubmissionProgressStore.ApplyAsync(db, m.Tenant, m.SubmissionId, m.FrameworkId, m.Period, m.ReportingUnit, m.TargetUnit,
            SubmissionStates.Approved, m.Revision, m.OccurredAt.ToUniversalTime(), context.CancellationToken, m.Late);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }
}
