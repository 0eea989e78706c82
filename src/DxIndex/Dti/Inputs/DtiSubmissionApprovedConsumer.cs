using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.DxIndex.Data;

namespace Platform.DxIndex.Dti.Inputs;

/// <summary>
/// Stores the approved values of <c>dti-province-405</c>, one row per input of the target province and year. Departments
/// of a province each report their own inputs (several submissions feed one province): a value is replaced only by a
/// newer approval (by <c>OccurredAt</c>, then submission revision), a key a later revision of the same submission no
/// longer carries is removed, and the first real approval of a province and year removes its illustrative
/// ("dữ liệu minh họa") values. Idempotent: the inbox row is saved with the effect.
/// </summary>
public sealed partial class DtiSubmissionApprovedConsumer(DxIndexDbContext db, ILogger<DtiSubmissionApprovedConsumer> logger)
    : IConsumer<SubmissionApproved>
{
    public async Task Consume(ConsumeContext<SubmissionApproved> context)
    {
        var m = context.Message;
        if (m.FrameworkId != DtiOptions.FrameworkId)
        {
            LogIgnored(logger, m.SubmissionId, m.FrameworkId);
            return;
        }
        if (!await db.TryStartProcessingAsync(context, nameof(DtiSubmissionApprovedConsumer))) return;

        var values = db.Set<DtiApprovedValue>();
        var stored = await values
            .Where(v => v.Tenant == m.Tenant && v.FrameworkId == m.FrameworkId && v.Year == m.Period && v.Unit == m.TargetUnit)
            .ToListAsync(context.CancellationToken);
        var demo = stored.Where(v => v.Demo).ToList();
        values.RemoveRange(demo);
        var real = stored.Where(v => !v.Demo).ToDictionary(v => v.InputKey, StringComparer.Ordinal);

        int written = 0, removed = 0;
        foreach (var (key, value) in m.Values)
        {
            if (real.TryGetValue(key, out var row))
            {
                if (!IsNewer(m, row)) continue;
            }
            else
            {
                row = new DtiApprovedValue { Tenant = m.Tenant, FrameworkId = m.FrameworkId, Year = m.Period, Unit = m.TargetUnit, InputKey = key };
                values.Add(row);
            }
            row.ValueJson = value.GetRawText();
            row.FrameworkVersion = m.FrameworkVersion;
            row.SubmissionId = m.SubmissionId;
            row.SubmissionRevision = m.Revision;
            row.ReportingUnit = m.ReportingUnit;
            row.ApprovedAt = m.OccurredAt;
            written++;
        }
        foreach (var row in real.Values.Where(r => r.SubmissionId == m.SubmissionId && !m.Values.ContainsKey(r.InputKey) && IsNewer(m, r)))
        {
            values.Remove(row);
            removed++;
        }

        await db.SaveChangesAsync(context.CancellationToken);
        LogApplied(logger, m.SubmissionId, m.Revision, m.TargetUnit, m.Period, written, removed, demo.Count);
    }

    private static bool IsNewer(SubmissionApproved m, DtiApprovedValue row) =>
        m.OccurredAt > row.ApprovedAt || (m.OccurredAt == row.ApprovedAt && m.Revision > row.SubmissionRevision);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Approval of submission {SubmissionId} ignored by the DTI: framework {FrameworkId}")]
    private static partial void LogIgnored(ILogger logger, Guid submissionId, string frameworkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "DTI approval of submission {SubmissionId} revision {Revision} for {Unit} {Year}: {Written} values written, {Removed} removed, {Demo} illustrative values replaced")]
    private static partial void LogApplied(ILogger logger, Guid submissionId, int revision, string unit, string year, int written, int removed, int demo);
}
