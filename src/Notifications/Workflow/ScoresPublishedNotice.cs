using MassTransit;
using Platform.Contracts;
using Platform.Notifications.Delivery;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Workflow;

/// <summary>
/// Monthly results were published (revision 1) or corrected (a later revision): each unit of the peer group, its
/// leaders and reporters in-app and its leaders by e-mail, is told its own result. One event says a different thing to
/// each unit, so the cause carries the unit.
/// </summary>
public sealed class ScoresPublishedNotice(NoticeQueue queue) : IConsumer<ScoresPublished>
{
    public Task Consume(ConsumeContext<ScoresPublished> context) =>
        queue.WriteAsync(context, nameof(ScoresPublishedNotice), async (writer, ct) =>
        {
            var m = context.Message;
            var framework = writer.FrameworkName(m.FrameworkId, m.FrameworkVersion, m.Period);
            var period = Wording.Period(m.Period);
            var correction = m.Revision > 1;
            var reported = m.Units.Count(u => u.Reported);
            var items = new List<NewNotification>();
            foreach (var unit in m.Units)
            {
                var unitName = await writer.UnitNameAsync(unit.Unit, ct);
                var result = unit.Reported
                    ? $"{unitName} đạt {Wording.Number(unit.Total)} điểm, xếp loại {unit.Classification}, hạng {unit.Rank}/{reported}."
                    : $"{unitName} chưa báo cáo số liệu {period} nên chưa có kết quả.";
                List<string> lines = correction
                    ? [$"Kết quả {framework} {period} đã được đính chính (lần công bố thứ {m.Revision}) lúc {Wording.Moment(m.OccurredAt)}.",
                       $"Lý do đính chính: {m.Reason}",
                       (m.ChangedUnits?.Contains(unit.Unit) == true ? "Kết quả của đơn vị có thay đổi. " : "Kết quả của đơn vị không thay đổi. ") + result]
                    : [$"Kết quả {framework} {period} đã được công bố lúc {Wording.Moment(m.OccurredAt)}.", result];
                var notice = new Notice(correction ? NotificationKinds.ResultsCorrected : NotificationKinds.ResultsPublished,
                    NoticeQueue.Cause(context, unit.Unit), unit.Unit, m.FrameworkId,
                    correction ? $"Đính chính kết quả {framework} {period}" : $"Công bố kết quả {framework} {period}",
                    lines, "/ket-qua", "Xem kết quả");
                items.AddRange(await writer.AddressAsync(notice, [PlatformRoles.Leader, PlatformRoles.Reporter], [PlatformRoles.Leader], framework, ct));
            }
            return items;
        });
}
