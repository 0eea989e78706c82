using System.Globalization;
using Platform.Scoring.Engine;

namespace Platform.DxIndex.Dti.ActionPlans;

/// <summary>The body of <c>POST</c> and <c>PUT …/actions</c>. Text, not typed fields, so every problem is told at once in Vietnamese.</summary>
/// <param name="DueDate"><c>yyyy-MM-dd</c>.</param>
/// <param name="Progress">0–100 (%); 0 when left out.</param>
/// <param name="Status"><c>planned</c>, <c>in-progress</c> or <c>done</c>.</param>
public sealed record ActionInput(string? Indicator, string? Action, string? OwnerAgency, string? DueDate, int? Progress, string? Status, string? Note)
{
    public const int ActionMax = 2000;
    public const int OwnerAgencyMax = 300;
    public const int NoteMax = 2000;

    /// <summary>Every problem of the input, keyed by field; empty when it can be saved.</summary>
    public Dictionary<string, string[]> Problems(CompiledFramework framework, out DateOnly dueDate)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Indicator)) errors["indicator"] = ["Chưa chọn chỉ số mà hành động hướng tới."];
        else if (framework.Indicators.All(i => i.Code != Indicator.Trim()))
            errors["indicator"] = [$"Chỉ số \"{Indicator.Trim()}\" không có trong bộ chỉ số {framework.Version}."];
        if (string.IsNullOrWhiteSpace(Action)) errors["action"] = ["Cần mô tả hành động (giải pháp) sẽ thực hiện."];
        else if (Action.Trim().Length > ActionMax) errors["action"] = ["Hành động không được dài quá 2.000 ký tự."];
        if (string.IsNullOrWhiteSpace(OwnerAgency)) errors["ownerAgency"] = ["Cần ghi cơ quan chủ trì thực hiện."];
        else if (OwnerAgency.Trim().Length > OwnerAgencyMax) errors["ownerAgency"] = [$"Tên cơ quan chủ trì không được dài quá {OwnerAgencyMax} ký tự."];
        dueDate = default;
        if (string.IsNullOrWhiteSpace(DueDate)) errors["dueDate"] = ["Cần ghi thời hạn hoàn thành."];
        else if (!DateOnly.TryParseExact(DueDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dueDate))
            errors["dueDate"] = [$"Thời hạn \"{DueDate.Trim()}\" không phải một ngày hợp lệ (dạng yyyy-MM-dd)."];
        if (Progress is < 0 or > 100) errors["progress"] = ["Tiến độ phải từ 0 đến 100 (%)."];
        if (string.IsNullOrWhiteSpace(Status)) errors["status"] = ["Cần chọn trạng thái: chưa bắt đầu, đang thực hiện hoặc đã hoàn thành."];
        else if (!DtiActionStatuses.All.Contains(Status.Trim()))
            errors["status"] = [$"Trạng thái \"{Status.Trim()}\" không hợp lệ; chọn chưa bắt đầu (planned), đang thực hiện (in-progress) hoặc đã hoàn thành (done)."];
        if (Note is { } note && note.Trim().Length > NoteMax) errors["note"] = ["Ghi chú không được dài quá 2.000 ký tự."];
        return errors;
    }

    /// <summary>Writes the (checked) input into <paramref name="action"/>.</summary>
    public void ApplyTo(DtiAction action, DateOnly dueDate)
    {
        action.Indicator = Indicator!.Trim();
        action.Action = Action!.Trim();
        action.OwnerAgency = OwnerAgency!.Trim();
        action.DueDate = dueDate;
        action.Progress = Progress ?? 0;
        action.Status = Status!.Trim();
        action.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
    }
}
