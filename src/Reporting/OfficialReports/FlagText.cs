namespace Platform.Reporting.OfficialReports;

/// <summary>What an indicator's score flag means, in the words of the scoreboard.</summary>
public static class FlagText
{
    public static string Name(string flag) => flag switch
    {
        "missing" => "Chưa báo cáo",
        "zero-denominator" => "Mẫu số bằng 0",
        "clamped" => "Đã giới hạn trong thang điểm",
        "reference-best" => "So với giá trị tham chiếu",
        "derived" => "Số liệu suy ra",
        "needs-review" => "Cần thẩm định chấm",
        "excluded" => "Không tính điểm",
        "reviewed" => "Điểm do thẩm định chấm",
        _ => flag,
    };
}
