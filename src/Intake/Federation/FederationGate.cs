using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.DataAndMessaging.Outbox;
using Platform.Intake.Calendar;
using Platform.Intake.Data;
using Platform.Intake.Units;
using Platform.Scoring;

namespace Platform.Intake.Federation;

/// <summary>
/// The centre's gate for a self-hosted province's approvals (queue <c>federation.from.&lt;province&gt;</c>). The province is
/// the queue the message arrived on — only that province's broker user can write there — never the body's <c>Tenant</c>.
/// An approval is accepted only when the body claims that same tenant, its target and reporting units lie in the
/// province's subtree of the centre's own unit directory, and the centre knows its framework. An accepted approval is
/// republished through the outbox as the centre's own <c>SubmissionApproved</c> (centre tenant, same submission id and
/// revision), so monthly scoring takes it in as any approval; every message is recorded (<see cref="FederatedMessage"/>).
/// A message id seen before (a shovel's redelivery after an outage) changes nothing.
/// </summary>
[ExcludeFromConfigureEndpoints]
public sealed partial class FederationGate(IntakeDbContext db, IOptions<IntakeOptions> options, FrameworkVersions frameworks,
    TimeProvider time, ILogger<FederationGate> logger) : IConsumer<SubmissionApproved>
{
    public async Task Consume(ConsumeContext<SubmissionApproved> context)
    {
        var province = FederationOptions.ProvinceOf(context.ReceiveContext.InputAddress)
            ?? throw new InvalidOperationException($"FederationGate received a message on {context.ReceiveContext.InputAddress}, which is not a federation queue.");
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A federated message has no MessageId; the centre cannot de-duplicate it.");
        if (!await db.TryStartProcessingAsync(context, nameof(FederationGate), time)) return;
        if (await db.FederatedMessages.AnyAsync(f => f.Province == province && f.MessageId == messageId, context.CancellationToken)) return;

        var m = context.Message;
        var centre = options.Value.Tenant;
        var reason = await RefusalAsync(province, centre, m, context.CancellationToken);
        var afterClose = reason is null && await db.ClosedPeriods.AnyAsync(
            c => c.Tenant == centre && c.FrameworkId == m.FrameworkId && c.Period == m.Period && c.Level == ReportingLevels.ToNational, context.CancellationToken);
        db.FederatedMessages.Add(new FederatedMessage
        {
            Province = province, MessageId = messageId, SubmissionId = m.SubmissionId, Revision = m.Revision, ClaimedTenant = m.Tenant,
            FrameworkId = m.FrameworkId, Period = m.Period, ReportingUnit = m.ReportingUnit, TargetUnit = m.TargetUnit,
            Accepted = reason is null, Reason = reason, AfterClose = afterClose, ReceivedAt = time.GetUtcNow(),
        });
        if (reason is null)
        {
            db.EnqueueEvent(m with { Tenant = centre }, time);
            LogAccepted(logger, province, m.SubmissionId, m.Revision, m.TargetUnit, m.Period, afterClose);
        }
        else
        {
            LogRefused(logger, province, m.SubmissionId, m.Revision, reason);
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }

    private async Task<string?> RefusalAsync(string province, string centre, SubmissionApproved m, CancellationToken ct)
    {
        if (m.Tenant != province)
            return $"Bản tin ghi đơn vị triển khai \"{m.Tenant}\", khác với tỉnh gửi \"{province}\": không nhận.";
        var today = time.TodayInVietnam();
        foreach (var unit in new[] { m.TargetUnit, m.ReportingUnit }.Distinct())
        {
            if (!await db.IsInSubtreeAsync(centre, province, unit, today, ct))
                return $"Đơn vị \"{unit}\" không thuộc \"{province}\" trong danh mục đơn vị của Trung ương: tỉnh chỉ được gửi số liệu của đơn vị mình.";
        }
        if (frameworks.Catalog.Find(m.FrameworkId, m.FrameworkVersion, m.Period) is null)
            return $"Trung ương chưa có bộ chỉ tiêu \"{m.FrameworkId}\" phiên bản \"{m.FrameworkVersion}\": cần cập nhật bộ chỉ tiêu ở Trung ương rồi gửi lại.";
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Federation: approval of submission {SubmissionId} revision {Revision} from {Province} for {Unit} {Period} accepted (after close: {AfterClose})")]
    private static partial void LogAccepted(ILogger logger, string province, Guid submissionId, int revision, string unit, string period, bool afterClose);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Federation: approval of submission {SubmissionId} revision {Revision} from {Province} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string province, Guid submissionId, int revision, string reason);
}
