using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Web.Api;
using Platform.Web.Formatting;

namespace Platform.Web.Components.Scoreboard;

/// <summary>The words and numbers of the scoreboard, the unit page and the public results, in Vietnamese.</summary>
public static partial class ScoreText
{
    /// <summary>The peer groups monthly scoring ranks (the framework allows any; the service scores these two).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> PeerGroups =
        [("provinces", "Tỉnh, thành phố"), ("ministries", "Bộ, ngành")];

    public static bool IsPeerGroup(string? code) => PeerGroups.Any(p => p.Code == code);

    public static string PeerGroupName(string code) => PeerGroups.FirstOrDefault(p => p.Code == code).Name ?? code;

    /// <summary>"Tháng 01/2026".</summary>
    public static string Month(string period) => ReportingPeriods.Title(period);

    /// <summary>"01/2026", for chart axes and narrow columns.</summary>
    public static string ShortMonth(string period) => period.Length == 7 && period[4] == '-' ? $"{period[5..]}/{period[..4]}" : period;

    public static string Points(decimal value) => Vn.Number(value, 2);

    /// <summary>The words for "no reported data", the same for a unit and an indicator, everywhere (<c>NotReported.razor</c>).</summary>
    public const string NotReported = "chưa báo cáo";

    public const string NotReportedUnitHelp =
        "chưa có số liệu được duyệt cho kỳ này nên không được chấm điểm, không xếp hạng, không xếp loại (không phải 0 điểm); xếp sau các đơn vị có số liệu.";

    public const string NotReportedIndicatorHelp =
        "Đơn vị chưa báo cáo (hoặc chưa được duyệt) số liệu cần cho chỉ tiêu này nên chỉ tiêu không được chấm, tính 0 điểm vào tổng — khác với số liệu bằng 0 hay mẫu số bằng 0.";

    /// <summary>What a score flag means, for the person reading an explanation.</summary>
    public static string FlagName(string flag) => flag switch
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

    public static string FlagHelp(string flag) => flag switch
    {
        "missing" => NotReportedIndicatorHelp,
        "zero-denominator" => "Mẫu số của tỷ lệ bằng 0; điểm theo quy định của khung cho trường hợp này.",
        "clamped" => "Kết quả tính ra vượt ngoài khoảng từ 0 đến điểm tối đa nên được đưa về trong khoảng đó.",
        "reference-best" => "Giá trị cao nhất dùng để so sánh là giá trị tham chiếu, không phải của một đơn vị trong nhóm.",
        "derived" => "Số liệu không được báo cáo trong tháng nên được suy ra từ số liệu tháng trước (ví dụ nhiệm vụ tồn đọng chuyển sang).",
        "needs-review" => "Chỉ tiêu cần thẩm định viên chấm điểm.",
        "excluded" => "Chỉ tiêu không được tính vào tổng điểm trong trường hợp này.",
        "reviewed" => "Điểm của chỉ tiêu do thẩm định viên chấm.",
        _ => "",
    };

    /// <summary>A formula or working step with its decimals written the Vietnamese way (0.8 → 0,8); input keys stay as they are.</summary>
    public static string Formula(string text) => InvariantDecimal().Replace(text, m => m.Groups[1].Value + "," + m.Groups[2].Value);

    [GeneratedRegex(@"(?<![\p{L}\d.])(\d+)\.(\d+)(?![\p{L}\d.])")]
    private static partial Regex InvariantDecimal();

    /// <summary>
    /// A formula or working step in words, for people: input keys become their names (in quotes), <c>max</c> the
    /// indicator's points, <c>a ? b : c</c> "nếu a thì b, ngược lại c", <c>min(…)</c>/<c>max(…)</c> "nhỏ nhất/lớn nhất
    /// của (…)", a yes/no input's 1/0 "có"/"không", decimals the Vietnamese way. The codes stay in the API and in the
    /// inputs table.
    /// </summary>
    public static string Readable(string text, FrameworkDefinition framework, decimal max)
    {
        var inputs = framework.Inputs.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var words = Ternary().Match(text) is { Success: true } t ? $"nếu {t.Groups[1].Value} thì {t.Groups[2].Value}, ngược lại {t.Groups[3].Value}" : text;
        words = Extreme().Replace(words, m => m.Groups[1].Value == "min" ? "nhỏ nhất của (" : "lớn nhất của (");
        words = MaxPoints().Replace(words, $"{Vn.Number(max)} điểm");
        words = BooleanValue().Replace(words, m => inputs.TryGetValue(m.Groups[1].Value, out var i) && i.Type == "boolean"
            ? $"{m.Groups[1].Value} = {(m.Groups[2].Value == "1" ? "có" : "không")}" : m.Value);
        words = InputKey().Replace(words, m => inputs.TryGetValue(m.Value, out var i) ? $"“{i.Label}”" : m.Value);
        return Formula(words);
    }

    [GeneratedRegex(@"^(.+?) \? (.+) : (.+)$")]
    private static partial Regex Ternary();

    [GeneratedRegex(@"\b(min|max)\(")]
    private static partial Regex Extreme();

    [GeneratedRegex(@"\bmax\b(?!\()")]
    private static partial Regex MaxPoints();

    [GeneratedRegex(@"([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+) = ([01])\b")]
    private static partial Regex BooleanValue();

    [GeneratedRegex(@"(?<![\p{L}\d.])[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+")]
    private static partial Regex InputKey();

    /// <summary>A reported input value as people read it, with its unit: "8 nhiệm vụ", "0,5 (50%)", "Có", "chưa báo cáo".</summary>
    public static string InputValue(JsonElement? value, InputDefinition? input)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return "chưa báo cáo";
        switch (v.ValueKind)
        {
            case JsonValueKind.True: return "Có";
            case JsonValueKind.False: return "Không";
            case JsonValueKind.Number when v.TryGetDecimal(out var number):
                if (input?.Type == "fraction") return $"{Vn.Number(number, 4)} ({Vn.Number(number * 100, 2)}%)";
                return input?.Unit is { Length: > 0 } unit && input.Type != "score" ? $"{Vn.Number(number, 4)} {unit}" : Vn.Number(number, 4);
            case JsonValueKind.String:
                var text = v.GetString() ?? "";
                return input?.Options is { } options && options.TryGetValue(text, out var label) ? label : text;
            default:
                return v.GetRawText();
        }
    }

    /// <summary>The run the scoreboard shows for a period: the current official revision, else the latest provisional run.</summary>
    public static ScoreboardRun? Choose(IEnumerable<ScoreboardRun> runs, string period) =>
        runs.Where(r => r.Period == period && r.Status == "current").MaxBy(r => r.Revision)
        ?? runs.Where(r => r.Period == period && r.Kind == "provisional").MaxBy(r => r.CreatedAt);

    /// <summary>The months that have a run, newest first.</summary>
    public static IReadOnlyList<string> Periods(IEnumerable<ScoreboardRun> runs) =>
        runs.Select(r => r.Period).Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Lines of a class (null: all; a unit that has not reported has none) whose name or code contains the search text,
    /// ignoring case and diacritics; by rank, then the units that have not reported.
    /// </summary>
    public static IReadOnlyList<ScoreboardLine> Filter(IEnumerable<ScoreboardLine> lines, string? classification, string? search)
    {
        var wanted = Fold(search);
        return lines
            .Where(l => string.IsNullOrEmpty(classification) || (l.Reported && l.Classification == classification))
            .Where(l => wanted.Length == 0 || Fold(l.Name).Contains(wanted, StringComparison.Ordinal) || Fold(l.Unit).Contains(wanted, StringComparison.Ordinal))
            .OrderBy(l => l.Reported ? 0 : 1).ThenBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.Unit, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Lower case without diacritics ("Thanh Hóa" → "thanh hoa", "Đà Nẵng" → "da nang").</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The indicators of a group and its sub-groups, in the framework's order.</summary>
    public static IEnumerable<IndicatorDefinition> Indicators(GroupDefinition group) => GroupDefinition.IndicatorsOf(group);
}
