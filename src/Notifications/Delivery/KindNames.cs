namespace Platform.Notifications.Delivery;

/// <summary>The Vietnamese names of <see cref="NotificationKinds"/>, of channels and of states, as people read them.</summary>
public static class KindNames
{
    public static string Of(string kind) => kind switch
    {
        NotificationKinds.DeadlineReminder => "Nhắc hạn báo cáo",
        NotificationKinds.DeadlineEscalation => "Báo cáo quá hạn",
        NotificationKinds.FocalPointsMissing => "Chưa đăng ký cán bộ đầu mối",
        NotificationKinds.SubmissionReturned => "Báo cáo bị trả lại",
        NotificationKinds.SubmissionApproved => "Báo cáo được duyệt",
        NotificationKinds.PeriodReopened => "Mở lại kỳ báo cáo",
        NotificationKinds.ResultsPublished => "Công bố kết quả",
        NotificationKinds.ResultsCorrected => "Đính chính kết quả",
        NotificationKinds.BonusDecided => "Quyết định điểm thưởng",
        NotificationKinds.Event => "Sự kiện gửi hệ thống khác",
        _ => kind,
    };

    public static string State(string state) => state switch
    {
        NotificationStates.Pending => "Đang chờ gửi",
        NotificationStates.Sent => "Đã gửi",
        NotificationStates.Dead => "Gửi không thành công",
        NotificationStates.Skipped => "Không gửi (theo lựa chọn của người nhận)",
        _ => state,
    };

    public static string Role(string role) => role switch
    {
        "reporter" => "cán bộ báo cáo số liệu",
        "leader" => "lãnh đạo",
        "reviewer" => "cán bộ thẩm định",
        "publisher" => "cán bộ công bố kết quả",
        "platform-admin" => "quản trị nền tảng",
        _ => role,
    };
}
