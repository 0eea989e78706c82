using MassTransit;
using Platform.Contracts;
using Platform.Notifications.Delivery;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Workflow;

/// <summary>A report was approved: its reporters (in-app) and focal points (e-mail) are told.</summary>
public sealed class SubmissionApprovedNotice(NoticeQueue queue) : IConsumer<SubmissionApproved>
{
    public Task Consume(ConsumeContext<SubmissionApproved> context) =>
        queue.WriteAsync(context, nameof(SubmissionApprovedNotice), async (writer, ct) =>
        {
            var m = context.Message;
            var framework = writer.FrameworkName(m.FrameworkId, m.FrameworkVersion, m.Period);
            var unitName = await writer.UnitNameAsync(m.ReportingUnit, ct);
            var target = m.TargetUnit == m.ReportingUnit ? "" : $" (số liệu của {await writer.UnitNameAsync(m.TargetUnit, ct)})";
            var period = Wording.Period(m.Period);
            var notice = new Notice(NotificationKinds.SubmissionApproved, NoticeQueue.Cause(context), m.ReportingUnit, m.FrameworkId,
                $"Báo cáo {framework} {period} của {unitName} đã được duyệt",
                [
                    $"Báo cáo {framework} {period} của {unitName}{target} đã được duyệt lúc {Wording.Moment(m.OccurredAt)}"
                    + (m.Late ? " (báo cáo nộp muộn)." : "."),
                ],
                $"/nhap-lieu/{m.FrameworkId}/{m.Period}/{m.TargetUnit}", "Xem báo cáo");
            return await writer.AddressAsync(notice, [PlatformRoles.Reporter], [PlatformRoles.Reporter], framework, ct);
        });
}
