using MassTransit;
using Platform.Contracts;
using Platform.Notifications.Delivery;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Workflow;

/// <summary>
/// The provincial DX index was published (revision 1) or corrected: each province, its leaders and reporters in-app and
/// its leaders by e-mail, is told its own index and rank. The cause carries the province.
/// </summary>
public sealed class DxIndexPublishedNotice(NoticeQueue queue) : IConsumer<DxIndexPublished>
{
    public Task Consume(ConsumeContext<DxIndexPublished> context) =>
        queue.WriteAsync(context, nameof(DxIndexPublishedNotice), async (writer, ct) =>
        {
            var m = context.Message;
            var framework = writer.FrameworkName(m.FrameworkId, m.FrameworkVersion, m.Period);
            var period = Wording.Period(m.Period);
            var correction = m.Revision > 1;
            var reported = m.Provinces.Count(p => p.Reported);
            var items = new List<NewNotification>();
            foreach (var province in m.Provinces)
            {
                var unitName = await writer.UnitNameAsync(province.Unit, ct);
                var result = province.Reported && province.Total is { } total && province.Rank is { } rank
                    ? $"{unitName} đạt {Wording.Number(total)} điểm, xếp hạng {Wording.Number(rank)}/{Wording.Number(reported)}."
                    : $"{unitName} chưa có số liệu {period} nên chưa được xếp hạng.";
                List<string> lines = correction
                    ? [$"{framework} {period} đã được đính chính (lần công bố thứ {m.Revision}) lúc {Wording.Moment(m.OccurredAt)}.",
                       $"Lý do đính chính: {m.Reason}",
                       (m.ChangedUnits?.Contains(province.Unit) == true ? "Kết quả của tỉnh có thay đổi. " : "Kết quả của tỉnh không thay đổi. ") + result]
                    : [$"{framework} {period} đã được công bố lúc {Wording.Moment(m.OccurredAt)}.", result];
                var notice = new Notice(correction ? NotificationKinds.ResultsCorrected : NotificationKinds.ResultsPublished,
                    NoticeQueue.Cause(context, province.Unit), province.Unit, m.FrameworkId,
                    correction ? $"Đính chính {framework} {period}" : $"Công bố {framework} {period}",
                    lines, "/ket-qua/chi-so-cds", "Xem kết quả");
                items.AddRange(await writer.AddressAsync(notice, [PlatformRoles.Leader, PlatformRoles.Reporter], [PlatformRoles.Leader], framework, ct));
            }
            return items;
        });
}
