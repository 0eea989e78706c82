using MassTransit;
using Platform.Contracts;
using Platform.Notifications.Delivery;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Workflow;

/// <summary>A unit's period was reopened: its reporters and leaders are told until when it may submit.</summary>
public sealed class PeriodReopenedNotice(NoticeQueue queue) : IConsumer<PeriodReopened>
{
    public Task Consume(ConsumeContext<PeriodReopened> context) =>
        queue.WriteAsync(context, nameof(PeriodReopenedNotice), async (writer, ct) =>
        {
            var m = context.Message;
            var framework = writer.FrameworkName(m.FrameworkId, m.FrameworkVersion, m.Period);
            var unitName = await writer.UnitNameAsync(m.Unit, ct);
            var period = Wording.Period(m.Period);
            var notice = new Notice(NotificationKinds.PeriodReopened, NoticeQueue.Cause(context), m.Unit, m.FrameworkId,
                $"Mở lại kỳ báo cáo {framework} {period} cho {unitName}",
                [
                    $"Kỳ báo cáo {framework} {period} của {unitName} đã được mở lại; đơn vị có thể gửi báo cáo đến trước {Wording.Moment(m.Until)}.",
                    $"Lý do: {m.Reason}",
                ],
                $"/nhap-lieu/{m.FrameworkId}/{m.Period}/{m.Unit}", "Mở báo cáo");
            return await writer.AddressAsync(notice, [PlatformRoles.Reporter, PlatformRoles.Leader],
                [PlatformRoles.Reporter, PlatformRoles.Leader], framework, ct);
        });
}
