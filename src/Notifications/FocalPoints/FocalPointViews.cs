using System.Globalization;
using System.Net.Mail;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Platform.Notifications.Data;
using Platform.Notifications.Reminders;

namespace Platform.Notifications.FocalPoints;

public sealed record FocalPerson(string Name, string? Position, string Email, string? Phone);

public sealed record FocalPointRegistration(string Unit, string UnitName, string Framework, string FrameworkName, IReadOnlyList<FocalPerson> People,
    string? DueDate, bool Overdue, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record FocalPointsUpdate(IReadOnlyList<FocalPerson>? People);

public sealed record FocalPointStatus(string Unit, string UnitName, int People, bool Registered, DateTimeOffset? UpdatedAt);

public sealed record FocalPointOverview(string Framework, string FrameworkName, string? DueDate, IReadOnlyList<FocalPointStatus> Units);

/// <param name="DueDate"><c>dd/MM/yyyy</c>.</param>
public sealed record FocalPointDueDateRequest(string? DueDate);

/// <summary>What the focal-point handlers share, taken as one <c>[AsParameters]</c>.</summary>
public sealed record FocalPointServices(NotificationsDbContext Db, ClaimsPrincipal User, IOptions<NotificationSiteOptions> Site,
    ReminderSettingsStore Settings, TimeProvider Time, HttpContext Http);

/// <summary>Checks a registration: every problem at once, keyed by field (<c>people[1].email</c>).</summary>
public static partial class FocalPointRules
{
    public const int MaxPeople = 5;

    public static Dictionary<string, string[]> Problems(FocalPointsUpdate? body)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        var people = body?.People;
        if (people is null || people.Count == 0) Add("people", "Cần đăng ký ít nhất một cán bộ đầu mối.");
        else if (people.Count > MaxPeople) Add("people", $"Mỗi đơn vị đăng ký tối đa {MaxPeople} cán bộ đầu mối cho một bộ chỉ số (đang có {people.Count}).");
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (people?.Count ?? 0); i++)
        {
            var person = people![i];
            if (person is null) { Add($"people[{i}]", "Thông tin cán bộ đầu mối không được để trống."); continue; }
            if (string.IsNullOrWhiteSpace(person.Name)) Add($"people[{i}].name", "Họ và tên là bắt buộc.");
            else if (person.Name.Trim().Length > 200) Add($"people[{i}].name", "Họ và tên dài tối đa 200 ký tự.");
            if (person.Position is { Length: > 200 }) Add($"people[{i}].position", "Chức vụ dài tối đa 200 ký tự.");
            var email = person.Email?.Trim() ?? "";
            if (email.Length == 0) Add($"people[{i}].email", "Thư điện tử là bắt buộc.");
            else if (!IsEmail(email)) Add($"people[{i}].email", $"Địa chỉ thư điện tử '{email}' không hợp lệ (ví dụ: ten.nguoi@laocai.gov.vn).");
            else if (!emails.Add(email)) Add($"people[{i}].email", $"Địa chỉ thư điện tử '{email}' đã có ở một cán bộ khác trong danh sách.");
            if (!string.IsNullOrWhiteSpace(person.Phone) && !Phone().IsMatch(person.Phone.Trim()))
                Add($"people[{i}].phone", $"Số điện thoại '{person.Phone}' không hợp lệ: chỉ gồm chữ số (9 đến 12 chữ số, có thể bắt đầu bằng +84).");
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static bool IsEmail(string text) =>
        text.Length <= 320 && SimpleEmail().IsMatch(text) && MailAddress.TryCreate(text, out var address) && address.Address == text;

    public static string FormatDate(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\+?\d{9,12}$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex SimpleEmail();
}
