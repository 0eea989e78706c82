using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.MonthlyScoring.Bonus;
using Platform.MonthlyScoring.Data;
using Platform.MonthlyScoring.Inputs;
using Platform.MonthlyScoring.PublicResults;
using Platform.MonthlyScoring.Runs;
using Platform.DataAndMessaging.Units;
using Platform.Scoring.Io;

namespace Platform.MonthlyScoring.Publication;

/// <summary>
/// What a publication would publish now, for the publisher to confirm: the revision about to be made (and the one it
/// replaces), who has not reported or still misses inputs (by name), the bonus decisions included, for a correction
/// the units whose standing changes, whether the current revision needs a correction ("cần đính chính"), who will
/// receive it, and the <see cref="Fingerprint"/> to send back when publishing.
/// </summary>
/// <param name="Closed">The month is closed at national level (publishing is refused before).</param>
/// <param name="Revision">The revision publishing would make: 1, or n+1 for a correction.</param>
/// <param name="Current">The current official revision, null before the first publication.</param>
/// <param name="UnitsNotReported">Units with no indicator scored ("chưa báo cáo"): not ranked.</param>
/// <param name="UnitsIncomplete">Units that reported but still miss some inputs (those indicators score 0, flagged).</param>
/// <param name="Missing">Every unit with a missing input, those that have not reported first, with the inputs by name.</param>
/// <param name="Changes">A correction: units whose standing or any indicator differs from <paramref name="Current"/>; null for revision 1.</param>
/// <param name="Unchanged">A correction that would publish exactly the current revision: there is nothing to publish.</param>
/// <param name="CorrectionNeeded">The current revision no longer matches the approved values and bonus decisions ("cần đính chính").</param>
/// <param name="CorrectionReasons">Why, in Vietnamese: bonus decisions made after the current revision, changed units.</param>
public sealed record PublicationPreview(
    string Period, string PeerGroup, string FrameworkVersion, bool Closed, int Revision, PublishedRevision? Current,
    int UnitsInGroup, int UnitsReported, int UnitsNotReported, int UnitsIncomplete, IReadOnlyList<UnitMissingPreview> Missing,
    IReadOnlyList<IncludedBonus> Bonuses, IReadOnlyList<UnitChange>? Changes, bool Unchanged, bool CorrectionNeeded,
    IReadOnlyList<string> CorrectionReasons, IReadOnlyList<Recipient> Recipients, string Fingerprint)
{
    internal static async Task<PublicationPreview> OfAsync(PublicationDraft draft, bool closed, MonthlyScoringDbContext db, string tenant,
        IReadOnlyList<string> knownSubscribers, CancellationToken ct)
    {
        var computed = draft.Computed;
        var units = computed.Request.Units.Select(u => u.Unit).ToHashSet(StringComparer.Ordinal);
        var bonuses = (await db.BonusProposals.AsNoTracking()
                .Where(b => b.Tenant == tenant && b.Period == computed.Request.Period && b.State == BonusStates.Approved && b.Points != null)
                .OrderBy(b => b.Unit).ToListAsync(ct))
            .Where(b => units.Contains(b.Unit)).ToList();
        var before = draft.Current is null ? null : Runs.Standings.Of(ResultLines.Read(draft.Current.ResultJson));
        var changed = before is null ? null : PublicationDraft.ChangedUnits(before, draft.Standings);
        var missing = (computed.Missing ?? []).GroupBy(m => m.Unit).ToDictionary(g => g.Key, g => g.Select(m => m.InputKey).ToList(), StringComparer.Ordinal);

        var names = await db.UnitNamesAsync(tenant, [.. missing.Keys.Concat(bonuses.Select(b => b.Unit)).Concat(changed ?? []).Distinct(StringComparer.Ordinal)], ct);
        string Name(string unit) => names.GetValueOrDefault(unit) ?? unit;
        var labels = computed.Framework.Inputs.ToDictionary(i => i.Key, i => i.Label, StringComparer.Ordinal);

        var was = before?.ToDictionary(s => s.Line.Unit, StringComparer.Ordinal);
        var will = draft.Standings.ToDictionary(s => s.Line.Unit, StringComparer.Ordinal);
        bool Reported(string unit) => will.TryGetValue(unit, out var s) && s.Reported;
        var included = bonuses.Select(b => new IncludedBonus(b.Unit, Name(b.Unit), b.Points!.Value, b.DecidedAt, b.DecidedByName, b.DecisionBasis,
            InCurrentRevision: was is not null && was.GetValueOrDefault(b.Unit)?.Line.Bonus == b.Points)).ToList();
        var changes = changed?.Select(u => new UnitChange(u, Name(u), StandingView.Of(was!.GetValueOrDefault(u)),
            StandingView.Of(will.GetValueOrDefault(u)))).ToList();

        var reasons = new List<string>();
        if (draft.Current is { } current && !draft.Unchanged)
        {
            reasons.AddRange(included.Where(b => !b.InCurrentRevision).Select(b =>
                $"Điểm thưởng {Points(b.Points)} điểm của {b.Name} được quyết định lúc {Moment(b.DecidedAt)}" +
                (b.Basis is null ? "" : $" ({b.Basis})") + $", sau lần công bố {current.Revision}."));
            reasons.Add($"Kết quả tính từ số liệu đã duyệt và điểm thưởng hiện nay khác lần công bố {current.Revision} ở {changes!.Count} đơn vị.");
        }

        return new PublicationPreview(computed.Request.Period, computed.Request.PeerGroup!, computed.Framework.Version, closed, draft.Revision,
            draft.Current is { } c ? new PublishedRevision(c.Revision!.Value, c.CreatedAt, c.Reason) : null,
            draft.Standings.Count, draft.Standings.Count(s => s.Reported), draft.Standings.Count(s => !s.Reported),
            missing.Keys.Count(u => Reported(u)),
            [.. missing.OrderBy(m => Reported(m.Key)).ThenBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => new UnitMissingPreview(m.Key, Name(m.Key), Reported(m.Key),
                    [.. m.Value.Select(k => new MissingInputView(k, labels.GetValueOrDefault(k, k)))]))],
            included, changes, draft.Unchanged, reasons.Count > 0, reasons, RecipientsOf(knownSubscribers), draft.Fingerprint);
    }

    /// <summary>Where a publication goes, told truthfully: the public page and API, and whoever subscribes to the event.</summary>
    internal static IReadOnlyList<Recipient> RecipientsOf(IReadOnlyList<string> knownSubscribers) =>
    [
        new("public-page", "Trang kết quả công khai",
            "Ai cũng xem được, không cần đăng nhập, kể cả các hệ thống khác đọc kết quả công khai. Lần công bố mới thay thế lần trước ngay."),
        new("event", "Các hệ thống thông tin đăng ký nhận kết quả chấm điểm",
            "Mọi hệ thống đã đăng ký nhận kết quả nhận toàn bộ kết quả (mọi đơn vị, mọi chỉ tiêu) ngay khi công bố; đã gửi thì không thu hồi được. " +
            (knownSubscribers.Count > 0
                ? $"Các hệ thống đã đăng ký: {string.Join(", ", knownSubscribers)}."
                : "Quản trị nền tảng chưa khai báo danh sách các hệ thống đã đăng ký.")),
    ];

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static string Points(decimal points) => points.ToString("0.#", Vi);

    /// <summary>Vietnam time (UTC+7, no daylight saving), as people read it: "10:00 07/02/2026".</summary>
    private static string Moment(DateTimeOffset? at) =>
        at is { } t ? t.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";
}

/// <param name="Reported">False: the unit has not reported at all ("chưa báo cáo"); true: it reported but misses these inputs.</param>
public sealed record UnitMissingPreview(string Unit, string Name, bool Reported, IReadOnlyList<MissingInputView> Missing);

/// <summary>An approved bonus the publication includes, with who recorded the decision, when and on what basis.</summary>
/// <param name="InCurrentRevision">The current official revision already has these points (false before the first publication).</param>
public sealed record IncludedBonus(string Unit, string Name, decimal Points, DateTimeOffset? DecidedAt, string? DecidedBy, string? Basis,
    bool InCurrentRevision);

/// <summary>A unit's standing as published: reported or not, total, class and rank (null when not reported).</summary>
public sealed record StandingView(bool Reported, decimal? Total, string? Classification, int? Rank)
{
    public static StandingView? Of(Standing? s) => s is null ? null
        : s.Reported ? new(true, s.Line.Total, s.Line.Classification, s.Rank) : new(false, null, null, null);
}

/// <summary>A unit whose result changes with a correction; <paramref name="Before"/> or <paramref name="After"/> null when it appears or disappears.</summary>
public sealed record UnitChange(string Unit, string Name, StandingView? Before, StandingView? After);

/// <param name="Kind"><c>public-page</c> or <c>event</c>.</param>
public sealed record Recipient(string Kind, string Name, string Detail);
