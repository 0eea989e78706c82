using System.Globalization;
using System.Text.Json;

namespace Platform.Scoring.Definitions;

/// <summary>
/// One difference between two versions of a framework, for people: <see cref="Text"/> says it in Vietnamese
/// ("Chỉ tiêu A1 (…): điểm tối đa 18 → 20"); the other fields let a page group and mark it.
/// </summary>
/// <param name="Kind"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
/// <param name="Subject"><c>framework</c>, <c>class</c>, <c>group</c>, <c>indicator</c>, <c>input</c>, <c>check</c> or <c>interpretation</c>.</param>
/// <param name="Code">The code or key of what changed (a class code, group or indicator code, input key, check key).</param>
/// <param name="Name">Its name or label, in the newer version when it has one.</param>
/// <param name="Field">For a change: which property (<c>max</c>, <c>rule</c>, <c>min</c>, …); null when added or removed.</param>
public sealed record FrameworkChange(string Kind, string Subject, string Code, string Name, string? Field, string? Before, string? After, string Text);

/// <summary>The readable differences between a framework version and the one it follows.</summary>
public static class FrameworkDiff
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static IReadOnlyList<FrameworkChange> Between(FrameworkDefinition? before, FrameworkDefinition after)
    {
        var changes = new List<FrameworkChange>();
        if (before is null)
        {
            changes.Add(new("added", "framework", after.Id, after.Name, null, null, after.Version,
                $"Phiên bản đầu tiên của khung \"{after.Name}\"."));
            return changes;
        }
        Framework(before, after, changes);
        Keyed(changes, "class", "Xếp loại", before.Classes, after.Classes, c => c.Code, c => c.Name,
            (a, b) => [("min", "ngưỡng điểm", Num(a.Min), Num(b.Min)), ("name", "tên", a.Name, b.Name)]);
        Keyed(changes, "group", "Nhóm", Groups(before.Groups), Groups(after.Groups), g => g.Code, g => g.Name,
            (a, b) => [("max", "điểm tối đa", Num(a.Max), Num(b.Max)), ("name", "tên", a.Name, b.Name)]);
        Keyed(changes, "indicator", "Chỉ tiêu", Indicators(before.Groups), Indicators(after.Groups), i => i.Indicator.Code, i => i.Indicator.Name,
            (a, b) =>
            [
                ("max", "điểm tối đa", Num(a.Indicator.Max), Num(b.Indicator.Max)),
                ("rule", "công thức", Compact(RuleOf(a.Indicator)), Compact(RuleOf(b.Indicator))),
                ("zeroDenominator", "cách tính khi mẫu số bằng 0", a.Indicator.ZeroDenominator, b.Indicator.ZeroDenominator),
                ("group", "thuộc nhóm", a.Group, b.Group),
                ("direction", "chiều tốt", a.Indicator.Direction, b.Indicator.Direction),
                ("sourceType", "loại nguồn số liệu", a.Indicator.SourceType, b.Indicator.SourceType),
                ("referenceYearLag", "độ trễ năm tham chiếu", Num(a.Indicator.ReferenceYearLag), Num(b.Indicator.ReferenceYearLag)),
                ("name", "tên", a.Indicator.Name, b.Indicator.Name),
            ]);
        Keyed(changes, "input", "Số liệu đầu vào", before.Inputs, after.Inputs, i => i.Key, i => i.Label,
            (a, b) =>
            [
                ("type", "kiểu", a.Type, b.Type),
                ("min", "giá trị nhỏ nhất", NumOrNone(a.Min), NumOrNone(b.Min)),
                ("max", "giá trị lớn nhất", NumOrNone(a.Max), NumOrNone(b.Max)),
                ("unit", "đơn vị", a.Unit, b.Unit),
                ("options", "các lựa chọn", Options(a.Options), Options(b.Options)),
                ("rollUp", "cách cộng dồn", a.RollUp, b.RollUp),
                ("label", "tên", a.Label, b.Label),
            ]);
        Keyed(changes, "check", "Ràng buộc", before.Checks, after.Checks, c => c.Key + " " + Compact(c.Rule), c => c.Message,
            (_, _) => []);
        Keyed(changes, "interpretation", "Cách hiểu", before.Interpretations, after.Interpretations, i => i.Id, i => i.Text,
            (a, b) => [("text", "nội dung", a.Text, b.Text)]);
        return changes;
    }

    private static void Framework(FrameworkDefinition a, FrameworkDefinition b, List<FrameworkChange> changes)
    {
        void Field(string field, string label, string? x, string? y)
        {
            if (x == y) return;
            changes.Add(new("changed", "framework", b.Id, b.Name, field, x, y, $"Khung: {label} {x ?? "(không có)"} → {y ?? "(không có)"}."));
        }
        Field("name", "tên", a.Name, b.Name);
        Field("maxPoints", "tổng điểm tối đa", Num(a.MaxPoints), Num(b.MaxPoints));
        Field("precision", "số chữ số thập phân của tổng điểm", a.Precision.ToString(Vietnamese), b.Precision.ToString(Vietnamese));
        Field("bonus", "điểm thưởng", Bonus(a.Bonus), Bonus(b.Bonus));
        Field("legalBasis", "căn cứ pháp lý", Legal(a.LegalBasis), Legal(b.LegalBasis));
        Field("evidenceRequired", "bắt buộc minh chứng", a.EvidenceRequired ? "có" : "không", b.EvidenceRequired ? "có" : "không");
    }

    private static void Keyed<T>(List<FrameworkChange> changes, string subject, string label, IEnumerable<T> before, IEnumerable<T> after,
        Func<T, string> key, Func<T, string> name, Func<T, T, (string Field, string Label, string? Before, string? After)[]> fields)
    {
        var old = before.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (code, item) in old.Where(o => !now.ContainsKey(o.Key)))
            changes.Add(new("removed", subject, Shown(subject, code), name(item), null, name(item), null, $"Bỏ {label.ToLowerInvariant()} {Label(subject, code, name(item))}."));
        foreach (var (code, item) in now.Where(n => !old.ContainsKey(n.Key)))
            changes.Add(new("added", subject, Shown(subject, code), name(item), null, null, name(item), $"Thêm {label.ToLowerInvariant()} {Label(subject, code, name(item))}."));
        foreach (var (code, item) in now.Where(n => old.ContainsKey(n.Key)))
        {
            foreach (var (field, fieldLabel, x, y) in fields(old[code], item))
            {
                if (x == y) continue;
                var text = field == "rule"
                    ? $"{label} {Label(subject, code, name(item))}: công thức tính thay đổi."
                    : $"{label} {Label(subject, code, name(item))}: {fieldLabel} {x ?? "(không có)"} → {y ?? "(không có)"}.";
                changes.Add(new("changed", subject, code, name(item), field, x, y, text));
            }
        }
    }

    // A check has no code of its own: it is keyed by its input and rule, shown by its input.
    private static string Shown(string subject, string code) => subject == "check" ? code.Split(' ')[0] : code;

    private static string Label(string subject, string code, string name) =>
        subject is "check" or "interpretation" ? $"\"{name}\"" : $"{Shown(subject, code)} ({name})";

    private static IEnumerable<GroupDefinition> Groups(IEnumerable<GroupDefinition> groups) =>
        groups.SelectMany(g => Groups(g.Groups).Prepend(g));

    private static IEnumerable<(IndicatorDefinition Indicator, string Group)> Indicators(IEnumerable<GroupDefinition> groups) =>
        Groups(groups).SelectMany(g => g.Indicators.Select(i => (i, g.Code)));

    private static JsonElement RuleOf(IndicatorDefinition indicator) =>
        indicator.Variant is { } v && indicator.Variants?.TryGetValue(v, out var rule) == true ? rule : indicator.Rule;

    private static string? Compact(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? null : JsonSerializer.Serialize(element);

    private static string Num(decimal value) => value.ToString("#,##0.####", Vietnamese);

    private static string? NumOrNone(decimal? value) => value is { } v ? Num(v) : null;

    private static string? Options(IReadOnlyDictionary<string, string>? options) =>
        options is null ? null : string.Join(", ", options.Select(o => o.Value));

    private static string? Bonus(BonusDefinition? bonus) => bonus is null ? null : $"{Num(bonus.Min)}–{Num(bonus.Max)}";

    private static string? Legal(LegalBasis? basis) => basis?.Describe();
}
