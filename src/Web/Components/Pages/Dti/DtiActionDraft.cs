using System.Globalization;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Dti;

/// <summary>An action as the form holds it: text as typed (due date dd/MM/yyyy, progress a whole number).</summary>
public sealed record DtiActionDraft(string? Id, string? Version, string? Indicator, string? Action, string? OwnerAgency, string? DueDate,
    string? Progress, string? Status, string? Note)
{
    public static DtiActionDraft Of(DtiAction a) => new(a.Id.ToString(), a.Version.ToString(CultureInfo.InvariantCulture), a.Indicator, a.Action,
        a.OwnerAgency, a.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), a.Progress.ToString(CultureInfo.InvariantCulture), a.Status, a.Note);

    /// <summary>A new action for <paramref name="indicator"/>, its owner prefilled with the indicator's lead agency.</summary>
    public static DtiActionDraft New(DtiIndicatorStanding? indicator) =>
        new(null, null, indicator?.Code, null, indicator?.LeadAgency, null, "0", "planned", null);

    /// <summary>The body for the service, or the problems of what was typed (keyed as the service keys them).</summary>
    public (DtiActionInput? Input, Dictionary<string, string> Errors) ToInput()
    {
        var errors = new Dictionary<string, string>();
        string due = "";
        if (!string.IsNullOrWhiteSpace(DueDate))
        {
            if (DateOnly.TryParseExact(DueDate.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                due = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            else errors["dueDate"] = $"Thời hạn “{DueDate.Trim()}” không đúng dạng ngày/tháng/năm (ví dụ 30/06/2027).";
        }
        int? progress = null;
        if (!string.IsNullOrWhiteSpace(Progress))
        {
            if (int.TryParse(Progress.Trim().TrimEnd('%').Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)) progress = p;
            else errors["progress"] = $"Tiến độ “{Progress.Trim()}” phải là một số nguyên từ 0 đến 100.";
        }
        return errors.Count > 0 ? (null, errors)
            : (new DtiActionInput(Indicator ?? "", Action ?? "", OwnerAgency ?? "", due, progress, Status ?? "", Note), errors);
    }
}
