using MassTransit;
using Platform.Contracts;
using Platform.Notifications.Delivery;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Workflow;

/// <summary>
/// Monthly results were published (revision 1) or corrected (a later revision): each unit of the peer group, its
/// leaders and reporters in-app and its leaders by e-mail, is told its own result. One event says a different thing to
/// each unit, so the cause carries the unit. A large group arrives in parts (<see cref="ScoresPublishedPartNotice"/>),
/// which say the same through <see cref="AddressAsync"/>.
/// </summary>
public sealed class ScoresPublishedNotice(NoticeQueue queue) : IConsumer<ScoresPublished>
{
    public Task Consume(ConsumeContext<ScoresPublished> context) =>
        queue.WriteAsync(context, nameof(ScoresPublishedNotice), (writer, ct) =>
        {
            var m = context.Message;
            var revision = new PublishedRevision(m.FrameworkId, m.FrameworkVersion, m.Period, m.Revision, m.Reason, m.OccurredAt,
                m.Units.Count(u => u.Reported));
            var changed = m.ChangedUnits?.ToHashSet(StringComparer.Ordinal);
            return AddressAsync(writer, revision, m.Units.Select(u => new UnitResult(u.Unit, u.Total, u.Classification, u.Rank, u.Reported,
                changed?.Contains(u.Unit) == true, NoticeQueue.Cause(context, u.Unit))), ct);
        });

    /// <summary>What every unit's notice needs to know about the revision: <paramref name="Reported"/> is over the whole peer group.</summary>
    public sealed record PublishedRevision(string FrameworkId, string FrameworkVersion, string Period, int Revision, string? Reason,
        DateTimeOffset OccurredAt, int Reported);

    /// <summary>One unit's result and the cause of its notices (<c>event:{messageId}:{unit}</c> of the message that carried it).</summary>
    public sealed record UnitResult(string Unit, decimal Total, string? Classification, int Rank, bool Reported, bool Changed, string Cause);

    public static async Task<List<NewNotification>> AddressAsync(NoticeWriter writer, PublishedRevision m, IEnumerable<UnitResult> units,
        CancellationToken ct)
    {
        var framework = writer.FrameworkName(m.FrameworkId, m.FrameworkVersion, m.Period);
        var period = Wording.Period(m.Period);
        var correction = m.Revision > 1;
        var items = new List<NewNotification>();
        foreach (var unit in units)
        {
            var unitName = await writer.UnitNameAsync(unit.Unit, ct);
            var result = unit.Reported
                ? $"{unitName} đạt {Wording.Number(unit.Total)} điểm, xếp loại {unit.Classification}, hạng {Wording.Number(unit.Rank)}/{Wording.Number(m.Reported)}."
                : $"{unitName} chưa báo cáo số liệu {period} nên chưa có kết quả.";
            List<string> lines = correction
                ? [$"Kết quả {framework} {period} đã được đính chính (lần công bố thứ {m.Revision}) lúc {Wording.Moment(m.OccurredAt)}.",
                   $"Lý do đính chính: {m.Reason}",
                   (unit.Changed ? "Kết quả của đơn vị có thay đổi. " : "Kết quả của đơn vị không thay đổi. ") + result]
                : [$"Kết quả {framework} {period} đã được công bố lúc {Wording.Moment(m.OccurredAt)}.", result];
            var notice = new Notice(correction ? NotificationKinds.ResultsCorrected : NotificationKinds.ResultsPublished,
                unit.Cause, unit.Unit, m.FrameworkId,
                correction ? $"Đính chính kết quả {framework} {period}" : $"Công bố kết quả {framework} {period}",
                lines, "/ket-qua", "Xem kết quả");
            items.AddRange(await writer.AddressAsync(notice, [PlatformRoles.Leader, PlatformRoles.Reporter], [PlatformRoles.Leader], framework, ct));
        }
        return items;
    }
}
