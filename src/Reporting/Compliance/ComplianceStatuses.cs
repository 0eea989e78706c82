namespace Platform.Reporting.Compliance;

/// <summary>
/// Where one owed report stands (plan, "Compliance statuses"): handed in on time or late, not reported after the
/// deadline, or not yet due; and beside it the review state of what was handed in.
/// </summary>
public static class ComplianceStatuses
{
    public const string OnTime = "on-time";
    public const string Late = "late";
    public const string NotReported = "not-reported";
    public const string NotYetDue = "not-yet-due";

    /// <summary>The <c>status</c> filter for "who is late": not reported and late.</summary>
    public const string Overdue = "overdue";

    public const string All = "all";

    /// <summary>The values <c>?status=</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Filters = [All, Overdue, NotReported, Late, OnTime, NotYetDue];

    public static bool IsOverdue(string status) => status is NotReported or Late;

    public static string Name(string status) => status switch
    {
        OnTime => "Nộp đúng hạn",
        Late => "Nộp muộn",
        NotReported => "Chưa báo cáo",
        NotYetDue => "Chưa đến hạn",
        _ => status,
    };

    /// <summary>The review state of what was handed in: <c>submitted</c>, <c>approved</c>, <c>returned</c>.</summary>
    public static string? ReviewStateName(string? state) => state switch
    {
        "submitted" => "Chờ thẩm định",
        "approved" => "Đã duyệt",
        "returned" => "Bị trả lại",
        null => null,
        _ => state,
    };

    /// <summary><c>lead</c> (chủ trì) or <c>cooperating</c> (phối hợp).</summary>
    public static string RoleName(string role) => role switch
    {
        "lead" => "Chủ trì",
        "cooperating" => "Phối hợp",
        _ => role,
    };
}
