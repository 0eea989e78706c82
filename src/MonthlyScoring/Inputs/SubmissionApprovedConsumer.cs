using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.MonthlyScoring.Data;
using Platform.DataAndMessaging.Outbox;

namespace Platform.MonthlyScoring.Inputs;

/// <summary>
/// Stores the approved values of the monthly framework, one row per input of the target unit. The latest approval
/// wins by (<c>OccurredAt</c>, submission revision): an older approval delivered late never overwrites a newer value,
/// and a duplicate changes nothing. A key that a later approval of the same submission no longer carries is removed
/// when its row came from that submission.
/// </summary>
public sealed partial class SubmissionApprovedConsumer(MonthlyScoringDbContext db, ILogger<SubmissionApprovedConsumer> logger) : IConsumer<SubmissionApproved>
{
    public async Task Consume(ConsumeContext<SubmissionApproved> context)
    {
        var m = context.Message;
        if (m.FrameworkId != MonthlyScoringOptions.FrameworkId)
        {
            LogIgnored(logger, m.SubmissionId, m.FrameworkId);
            return;
        }
        if (!await db.TryStartProcessingAsync(context, nameof(SubmissionApprovedConsumer))) return;

        var stored = await db.ApprovedValues
            .Where(v => v.Tenant == m.Tenant && v.FrameworkId == m.FrameworkId && v.Period == m.Period && v.Unit == m.TargetUnit)
            .ToDictionaryAsync(v => v.InputKey, StringComparer.Ordinal, context.CancellationToken);

        int written = 0, removed = 0;
        foreach (var (key, value) in m.Values)
        {
            if (stored.TryGetValue(key, out var row))
            {
                if (!IsNewer(m, row)) continue;
            }
            else
            {
                row = new ApprovedValue { Tenant = m.Tenant, FrameworkId = m.FrameworkId, Period = m.Period, Unit = m.TargetUnit, InputKey = key };
                db.ApprovedValues.Add(row);
            }
            row.ValueJson = value.GetRawText();
            row.FrameworkVersion = m.FrameworkVersion;
            row.SubmissionId = m.SubmissionId;
            row.SubmissionRevision = m.Revision;
            row.ReportingUnit = m.ReportingUnit;
            row.ApprovedAt = m.OccurredAt;
            row.Derived = false;
            written++;
        }
        foreach (var row in stored.Values.Where(r => r.SubmissionId == m.SubmissionId && !m.Values.ContainsKey(r.InputKey) && IsNewer(m, r)))
        {
            db.ApprovedValues.Remove(row);
            removed++;
        }

        await db.SaveChangesAsync(context.CancellationToken);
        LogApplied(logger, m.SubmissionId, m.Revision, m.TargetUnit, m.Period, written, removed);
    }

    private static bool IsNewer(SubmissionApproved m, ApprovedValue row) =>
        m.OccurredAt > row.ApprovedAt || (m.OccurredAt == row.ApprovedAt && m.Revision > row.SubmissionRevision);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Approval of submission {SubmissionId} ignored: framework {FrameworkId} is not scored monthly")]
    private static partial void LogIgnored(ILogger logger, Guid submissionId, string frameworkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval of submission {SubmissionId} revision {Revision} for {Unit} {Period}: {Written} values written, {Removed} removed")]
    private static partial void LogApplied(ILogger logger, Guid submissionId, int revision, string unit, string period, int written, int removed);
}
