using System.Globalization;

namespace Platform.Web.Components.Bonus;

/// <summary>An approver's decision on one proposal, checked before it is sent.</summary>
public sealed record BonusApproval(Guid Id, decimal Points, string? Note);

public sealed record BonusRejection(Guid Id, string Reason);

public static class BonusPoints
{
    public const string Invalid = "Điểm thưởng phải là số từ 1 đến 5, tối đa một chữ số thập phân (vd. 2 hoặc 2,5).";

    /// <summary>"2", "2,5" or "2.5" (a number field posts a point); null when it is not 1–5 with at most one decimal.</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points)) return null;
        return points is >= 1 and <= 5 && decimal.Round(points, 1) == points ? points : null;
    }
}
