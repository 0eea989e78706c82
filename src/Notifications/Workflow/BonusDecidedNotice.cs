using MassTransit;
using Platform.Contracts;
using Platform.Notifications.Delivery;
using Platform.ServiceDefaults.Security;

namespace Platform.Notifications.Workflow;

/// <summary>
/// A bonus proposal was decided: the unit's leaders (in-app and e-mail) and its reporters (in-app). A unit proposes its
/// own bonus (monthly scoring's <c>ProposeBonus</c>), so the proposer's unit is the unit itself.
/// </summary>
public sealed class BonusDecidedNotice(NoticeQueue queue) : IConsumer<BonusDecided>
{
    public Task Consume(ConsumeContext<BonusDecided> context) =>
        queue.WriteAsync(context, nameof(BonusDecidedNotice), async (writer, ct) =>
        {
            var m = context.Message;
            var framework = writer.FrameworkName(m.FrameworkId, m.FrameworkVersion, m.Period);
            var unitName = await writer.UnitNameAsync(m.Unit, ct);
            var period = Wording.Period(m.Period);
            var approved = m.Decision == "approved";
            List<string> lines =
            [
                approved
                    ? $"Đề xuất điểm thưởng {framework} {period} của {unitName} đã được chấp thuận: {Wording.Number(m.Points ?? 0)} điểm."
                    : $"Đề xuất điểm thưởng {framework} {period} của {unitName} không được chấp thuận.",
            ];
            if (!string.IsNullOrWhiteSpace(m.Note)) lines.Add($"Ghi chú: {m.Note}");
            lines.Add($"Thời điểm quyết định: {Wording.Moment(m.OccurredAt)}.");
            var notice = new Notice(NotificationKinds.BonusDecided, NoticeQueue.Cause(context), m.Unit, m.FrameworkId,
                $"Điểm thưởng {period} của {unitName}: {(approved ? "được chấp thuận" : "không được chấp thuận")}",
                lines, "/diem-thuong", "Xem điểm thưởng");
            return await writer.AddressAsync(notice, [PlatformRoles.Leader, PlatformRoles.Reporter], [PlatformRoles.Leader], framework, ct);
        });
}
