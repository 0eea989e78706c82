using Platform.Web.Formatting;

namespace Platform.Web.Components.Bonus;

/// <summary>An approver's decision on one proposal, checked before it is sent; <c>Basis</c> is the decision document it records.</summary>
public sealed record BonusApproval(Guid Id, decimal Points, string? Note, string Basis);

public sealed record BonusRejection(Guid Id, string Reason, string Basis);

public static class BonusPoints
{
    public const string Invalid = "Điểm thưởng phải là số từ 1 đến 5, tối đa một chữ số thập phân (vd. 2 hoặc 2,5).";

    public const string BasisRequired = "Ghi căn cứ của quyết định: số, ngày quyết định của Thủ tướng Chính phủ hoặc thông báo kết luận cuộc họp.";

    /// <summary>"2", "2,5" (or "2.5"), as people type numbers here; null when it is not 1–5 with at most one decimal.</summary>
    public static decimal? Parse(string? text) =>
        Vn.TryParseNumber(text, percentAllowed: false, out var points) && points is >= 1 and <= 5 && decimal.Round(points, 1) == points
            ? points : null;
}
