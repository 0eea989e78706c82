using Platform.DxIndex.Data;
using Platform.DxIndex.Dti.Runs;
using Platform.DataAndMessaging.Units;

namespace Platform.DxIndex.Dti.Publication;

public sealed record DtiRevisionView(int Revision, DateTimeOffset PublishedAt, string? Reason);

public sealed record DtiMissingInput(string Key, string Label);

/// <param name="Reported">False: the province has not reported at all ("chưa báo cáo"); true: it reported but misses these inputs.</param>
public sealed record DtiProvinceMissing(string Unit, string Name, bool Reported, IReadOnlyList<DtiMissingInput> Missing);

public sealed record DtiStandingView(bool Reported, decimal? Total, int? Rank)
{
    public static DtiStandingView? Of(DtiStanding? s) => s is null ? null : new(s.Reported, s.Reported ? s.Line.Total : null, s.Rank);
}

public sealed record DtiProvinceChange(string Unit, string Name, DtiStandingView? Before, DtiStandingView? After);

/// <summary>Where a publication goes: <c>public-page</c> or <c>event</c>, told in Vietnamese.</summary>
public sealed record DtiRecipient(string Kind, string Name, string Description);

/// <summary>
/// What publishing the DTI of a year would publish now, for the publisher to confirm (monthly's preview without
/// bonuses). <paramref name="DemoExcluded"/>: provinces whose illustrative values are left out of the official run.
/// </summary>
public sealed record DtiPublicationPreview(string Year, string FrameworkVersion, bool Closed, int Revision, DtiRevisionView? Current,
    int UnitsInGroup, int UnitsReported, int UnitsNotReported, int UnitsIncomplete, IReadOnlyList<DtiProvinceMissing> Missing,
    IReadOnlyList<DtiProvinceChange>? Changes, bool Unchanged, bool CorrectionNeeded, IReadOnlyList<string> CorrectionReasons,
    IReadOnlyList<string> DemoExcluded, IReadOnlyList<DtiRecipient> Recipients, string Fingerprint)
{
    internal static async Task<DtiPublicationPreview> OfAsync(DtiPublicationDraft draft, bool closed, IReadOnlyList<string> demoUnits,
        DxIndexDbContext db, string tenant, IReadOnlyList<string> knownSubscribers, CancellationToken ct)
    {
        var computed = draft.Computed;
        var before = draft.Current is null ? null : DtiPublicationDraft.StandingsOf(draft.Current);
        var changed = before is null ? null : DtiPublicationDraft.ChangedUnits(before, computed.Standings);
        var names = await db.UnitNamesAsync(tenant, [.. computed.Standings.Select(s => s.Line.Unit).Concat(demoUnits)], ct);
        string Name(string unit) => names.GetValueOrDefault(unit) ?? unit;
        var labels = computed.Framework.Inputs.ToDictionary(i => i.Key, i => i.Label, StringComparer.Ordinal);
        var will = computed.Standings.ToDictionary(s => s.Line.Unit, StringComparer.Ordinal);
        var was = before?.ToDictionary(s => s.Line.Unit, StringComparer.Ordinal);
        bool Reported(string unit) => will.TryGetValue(unit, out var s) && s.Reported;

        var incomplete = draft.IncompleteUnits;
        var changes = changed?.Select(u => new DtiProvinceChange(u, Name(u), DtiStandingView.Of(was!.GetValueOrDefault(u)), DtiStandingView.Of(will.GetValueOrDefault(u)))).ToList();
        var reasons = new List<string>();
        if (draft.Current is { } current && !draft.Unchanged)
            reasons.Add($"Kết quả tính từ số liệu đã duyệt hiện nay khác lần công bố {current.Revision} ở {changes!.Count} tỉnh, thành phố.");

        return new DtiPublicationPreview(computed.Request.Period, computed.Framework.Version, closed, draft.Revision,
            draft.Current is { } c ? new DtiRevisionView(c.Revision, c.CreatedAt, c.Reason) : null,
            computed.Standings.Count, computed.Standings.Count(s => s.Reported), computed.Standings.Count(s => !s.Reported),
            incomplete.Count(Reported),
            [.. incomplete.OrderBy(Reported).ThenBy(u => u, StringComparer.Ordinal).Select(u => new DtiProvinceMissing(u, Name(u), Reported(u),
                [.. computed.Missing[u].Select(k => new DtiMissingInput(k, labels.GetValueOrDefault(k, k)))]))],
            changes, draft.Unchanged, reasons.Count > 0, reasons, [.. demoUnits.Select(Name)], RecipientsOf(knownSubscribers), draft.Fingerprint);
    }

    internal static IReadOnlyList<DtiRecipient> RecipientsOf(IReadOnlyList<string> knownSubscribers) =>
    [
        new("public-page", "Trang kết quả công khai",
            "Ai cũng xem được, không cần đăng nhập, kể cả các hệ thống khác đọc kết quả công khai. Lần công bố mới thay thế lần trước ngay."),
        new("event", "Các hệ thống thông tin đăng ký nhận chỉ số chuyển đổi số",
            "Mọi hệ thống đã đăng ký nhận kết quả nhận toàn bộ chỉ số (mọi tỉnh, thành phố, mọi chỉ số thành phần) ngay khi công bố; đã gửi thì không thu hồi được. " +
            (knownSubscribers.Count > 0
                ? $"Các hệ thống đã đăng ký: {string.Join(", ", knownSubscribers)}."
                : "Quản trị nền tảng chưa khai báo danh sách các hệ thống đã đăng ký.")),
    ];
}
