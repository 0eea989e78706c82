using MassTransit;
using Platform.Contracts;
using Platform.Notifications.Delivery;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Workflow;

/// <summary>A report was returned: its reporters (in-app) and focal points (e-mail) are told why, with the link to correct it.</summary>
public sealed class SubmissionReturnedNotice(NoticeQueue queue) : IConsumer<SubmissionReturned>
{
    public Task Consume(ConsumeContext<SubmissionReturned> context) =>
        queue.WriteAsync(context, nameof(SubmissionReturnedNotice), async (writer, ct) =>
        {
            var m = context.Message;
            var framework = writer.FrameworkName(m.FrameworkId, m.FrameworkVersion, m.Period);
            var unitName = await writer.UnitNameAsync(m.ReportingUnit, ct);
            var target = m.TargetUnit == m.ReportingUnit ? "" : $" (số liệu của {await writer.UnitNameAsync(m.TargetUnit, ct)})";
            var period = Wording.Period(m.Period);
            var notice = new Notice(NotificationKinds.SubmissionReturned, NoticeQueue.Cause(context), m.ReportingUnit, m.FrameworkId,
                $"Báo cáo {framework} {period} của {unitName} bị trả lại",
                [
                    $"Báo cáo {framework} {period} của {unitName}{target} đã bị trả lại lúc {Wording.Moment(m.OccurredAt)} để chỉnh sửa.",
                    $"Lý do: {m.Reason}",
                    "Đề nghị đơn vị chỉnh sửa số liệu và gửi lại báo cáo.",
                ],
                $"/nhap-lieu/{m.FrameworkId}/{m.Period}/{m.TargetUnit}", "Mở báo cáo để chỉnh sửa");
            return await writer.AddressAsync(notice, [PlatformRoles.Reporter], [PlatformRoles.Reporter], framework, ct);
        });
}
