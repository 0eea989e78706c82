using System.Globalization;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.DxIndex.Data;
using Platform.Scoring;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>
/// Keeps the approved QĐ 2244 values (<c>SubmissionApproved</c> of <c>qd2244-annual</c>), one row per (province, year,
/// criterion). Each agency's submission carries its own criteria, so several approvals fill one province's year. The
/// latest approval of a criterion wins by (<c>OccurredAt</c>, revision): a duplicate or an older approval delivered late
/// changes nothing (the newest approval of each submission is kept in <see cref="AnnualApproval"/>); a criterion a later revision of the same submission no longer carries is removed. Reference year and
/// source type come from the framework version the submission names.
/// </summary>
public sealed partial class AnnualValuesConsumer(DxIndexDbContext db, FrameworkCatalog catalog, ILogger<AnnualValuesConsumer> logger)
    : IConsumer<SubmissionApproved>
{
    public async Task Consume(ConsumeContext<SubmissionApproved> context)
    {
        var m = context.Message;
        if (m.FrameworkId != AnnualCriteriaOptions.FrameworkId) return;
        if (!await db.TryStartProcessingAsync(context, nameof(AnnualValuesConsumer))) return;
        var ct = context.CancellationToken;

        var framework = catalog.Find(m.FrameworkId, m.FrameworkVersion, m.Period) ?? catalog.Find(m.FrameworkId, null, m.Period);
        if (framework is null || !int.TryParse(m.Period, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            LogUnknownVersion(logger, m.SubmissionId, m.FrameworkVersion, m.Period);
            await db.SaveChangesAsync(ct);
            return;
        }
        var approval = await db.Set<AnnualApproval>().SingleOrDefaultAsync(a => a.Tenant == m.Tenant && a.SubmissionId == m.SubmissionId, ct);
        if (approval is not null && !(m.OccurredAt > approval.ApprovedAt || (m.OccurredAt == approval.ApprovedAt && m.Revision > approval.Revision)))
        {
            LogStale(logger, m.SubmissionId, m.Revision, approval.Revision);
            await db.SaveChangesAsync(ct);
            return;
        }
        if (approval is null) db.Set<AnnualApproval>().Add(approval = new AnnualApproval { Tenant = m.Tenant, SubmissionId = m.SubmissionId });
        approval.Revision = m.Revision;
        approval.ApprovedAt = m.OccurredAt;

        var criteria = Catalogue.Criteria(framework).ToDictionary(c => c.InputKey, StringComparer.Ordinal);
        var stored = await db.Set<AnnualValue>()
            .Where(v => v.Tenant == m.Tenant && v.Province == m.TargetUnit && v.Year == year)
            .ToDictionaryAsync(v => v.Criterion, StringComparer.Ordinal, ct);

        int written = 0, removed = 0;
        var carried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, element) in m.Values)
        {
            if (!criteria.TryGetValue(key, out var criterion) || element.ValueKind != JsonValueKind.Number || !element.TryGetDecimal(out var value)) continue;
            carried.Add(criterion.Code);
            if (stored.TryGetValue(criterion.Code, out var row))
            {
                if (!IsNewer(m, row)) continue;
            }
            else
            {
                row = new AnnualValue { Tenant = m.Tenant, Province = m.TargetUnit, Year = year, Criterion = criterion.Code };
                db.Set<AnnualValue>().Add(row);
            }
            row.Value = value;
            row.ReferenceYear = year - criterion.ReferenceYearLag;
            row.SourceType = criterion.SourceType;
            row.ReportingUnit = m.ReportingUnit;
            row.SubmissionId = m.SubmissionId;
            row.SubmissionRevision = m.Revision;
            row.FrameworkVersion = m.FrameworkVersion;
            row.ApprovedAt = m.OccurredAt;
            written++;
        }
        foreach (var row in stored.Values.Where(r => r.SubmissionId == m.SubmissionId && !carried.Contains(r.Criterion) && IsNewer(m, r)))
        {
            db.Set<AnnualValue>().Remove(row);
            removed++;
        }
        await db.SaveChangesAsync(ct);
        LogApplied(logger, m.SubmissionId, m.Revision, m.TargetUnit, year, written, removed);
    }

    private static bool IsNewer(SubmissionApproved m, AnnualValue row) =>
        m.OccurredAt > row.ApprovedAt || (m.OccurredAt == row.ApprovedAt && m.Revision > row.SubmissionRevision);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Approval of submission {SubmissionId} revision {Revision} ignored: revision {Stored} is newer")]
    private static partial void LogStale(ILogger logger, Guid submissionId, int revision, int stored);

    [LoggerMessage(Level = LogLevel.Error, Message = "Approval of submission {SubmissionId} ignored: no qd2244-annual version {Version} for period {Period}")]
    private static partial void LogUnknownVersion(ILogger logger, Guid submissionId, string version, string period);

    [LoggerMessage(Level = LogLevel.Information, Message = "QĐ 2244 approval of submission {SubmissionId} revision {Revision} for {Province} {Year}: {Written} values written, {Removed} removed")]
    private static partial void LogApplied(ILogger logger, Guid submissionId, int revision, string province, int year, int written, int removed);
}
