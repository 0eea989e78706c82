using System.Text.Json;
using Platform.Scoring.Definitions;

namespace Platform.Scoring.Rules;

/// <summary>
/// Reads a rule written as JSON in the closed vocabulary below into a node tree with inputs resolved to
/// slots. Unknown operations and unknown inputs are definition errors, reported with their path.
/// <code>
/// "A.due"                         an input            12             a constant
/// {"op":"max"}  {"op":"share","of":0.5}               the indicator's max, or a share of it
/// {"op":"sum"|"mul"|"min"|"maxOf","of":[…]}
/// {"op":"cap","value":…,"atMost":…}   value held to at most atMost (a part's own share), flagged clamped when it is
/// {"op":"ratio","num":…,"den":…}   {"op":"linear","num":…,"den":…} or {"op":"linear","value":…}  (value × max)
/// {"op":"threshold","value"|"num"+"den":…,"atLeast"|"above":t}     max when reached, else 0
/// {"op":"capped","value"|"num"+"den":…,"target":t,"below":"scaled"|"literal"}
/// {"op":"tiers","value"|"num"+"den":…,"tiers":[{"above"|"atLeast"|"below"|"atMost"|"equals":x,…,"points"|"share"|"upTo":p}]}
/// {"op":"choice","input":k,"points"|"shares"|"upTo":{option:p}}
/// {"op":"when","cond":C}                                  max when C holds, else 0
/// {"op":"if","when":C,"then":…,"else":…}
/// {"op":"best","value"|"num"+"den":…}                     value / best of the peer group × max
/// conditions: {"isTrue":k} {"isFalse":k} {"is":[k,option]} {"atLeast"|"above"|"below"|"atMost"|"equals":[value,x]}
///             {"and":[C…]} {"or":[C…]} {"not":C}
/// </code>
/// </summary>
public sealed class RuleParser(IReadOnlyDictionary<string, (int Slot, InputDefinition Input)> inputs, List<string> errors)
{
    public Node? Parse(JsonElement rule, string path)
    {
        switch (rule.ValueKind)
        {
            case JsonValueKind.Number:
                return Number(rule, path) is { } constant ? new ConstNode(constant) : null;
            case JsonValueKind.String:
                return Input(rule.GetString()!, path);
            case JsonValueKind.Object:
                break;
            default:
                errors.Add($"{path}: quy tắc phải là số, mã chỉ số đầu vào hoặc đối tượng có \"op\"");
                return null;
        }

        if (!rule.TryGetProperty("op", out var opElement) || opElement.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}: thiếu \"op\"");
            return null;
        }
        var op = opElement.GetString();
        switch (op)
        {
            case "input": return Input(String(rule, "key", path) ?? "", path);
            case "max": return new ShareNode(1m);
            case "share": return new ShareNode(Decimal(rule, "of", path));
            case "sum": return List(rule, path) is { } s ? new SumNode(s) : null;
            case "mul": return List(rule, path) is { } m ? new ProductNode(m) : null;
            case "min": return List(rule, path) is { } mi ? new MinNode(mi, takeMax: false) : null;
            case "maxOf": return List(rule, path) is { } ma ? new MinNode(ma, takeMax: true) : null;
            case "ratio":
                return Ratio(rule, path);
            case "cap":
                {
                    var value = rule.TryGetProperty("value", out var v) ? Parse(v, path + ".value") : Fail(path, "thiếu \"value\"");
                    var limit = rule.TryGetProperty("atMost", out var l) ? Parse(l, path + ".atMost") : Fail(path, "thiếu \"atMost\"");
                    return value is null || limit is null ? null : new CapNode(value, limit);
                }
            case "linear":
                return Value(rule, path) is { } lv ? new LinearNode(lv) : null;
            case "threshold":
                {
                    var value = Value(rule, path);
                    var bound = rule.TryGetProperty("above", out _)
                        ? new Bound("above", Decimal(rule, "above", path))
                        : new Bound("atLeast", Decimal(rule, "atLeast", path));
                    return value is null ? null : new WhenNode(new CompareCondition(value, bound));
                }
            case "capped":
                {
                    var value = Value(rule, path);
                    var below = rule.TryGetProperty("below", out var b) ? (b.ValueKind == JsonValueKind.String ? b.GetString() : null) : "scaled";
                    if (below is not ("scaled" or "literal")) errors.Add($"{path}.below: phải là \"scaled\" hoặc \"literal\"");
                    return value is null ? null : new CappedNode(value, Decimal(rule, "target", path), below == "literal");
                }
            case "tiers":
                return Tiers(rule, path);
            case "choice":
                return Choice(rule, path);
            case "when":
                return rule.TryGetProperty("cond", out var cond) && Condition(cond, path + ".cond") is { } c ? new WhenNode(c) : Fail(path, "thiếu \"cond\"");
            case "if":
                {
                    var when = rule.TryGetProperty("when", out var w) ? Condition(w, path + ".when") : null;
                    var then = rule.TryGetProperty("then", out var t) ? Parse(t, path + ".then") : null;
                    var otherwise = rule.TryGetProperty("else", out var e) ? Parse(e, path + ".else") : new ConstNode(0m);
                    return when is null || then is null || otherwise is null ? Fail(path, "\"if\" cần \"when\" và \"then\"") : new IfNode(when, then, otherwise);
                }
            case "best":
                return Value(rule, path) is { } bv ? new BestNode(bv) : null;
            default:
                errors.Add($"{path}: phép \"{op}\" không có trong bộ quy tắc");
                return null;
        }
    }

    public Condition? Condition(JsonElement cond, string path)
    {
        if (cond.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: điều kiện phải là đối tượng");
            return null;
        }
        foreach (var property in cond.EnumerateObject())
        {
            var p = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "isTrue":
                case "isFalse":
                    if (property.Value.ValueKind != JsonValueKind.String) return Fail<Condition>(p, "phải là mã chỉ số đầu vào");
                    return Input(property.Value.GetString() ?? "", p) is InputNode input
                        ? new IsTrueCondition(input, property.Name == "isTrue")
                        : null;
                case "is":
                    {
                        if (!IsPair(property.Value, p, "[mã chỉ số, lựa chọn]")) return null;
                        if (property.Value[0].ValueKind != JsonValueKind.String || property.Value[1].ValueKind != JsonValueKind.String)
                            return Fail<Condition>(p, "phải là cặp [mã chỉ số, lựa chọn] viết bằng chuỗi");
                        var key = property.Value[0].GetString() ?? "";
                        var option = property.Value[1].GetString() ?? "";
                        if (!inputs.TryGetValue(key, out var slot) || slot.Input.Options is null)
                        {
                            errors.Add($"{p}: \"{key}\" không phải chỉ số đầu vào dạng lựa chọn");
                            return null;
                        }
                        var index = slot.Input.Options.Keys.ToList().IndexOf(option);
                        if (index < 0) errors.Add($"{p}: \"{option}\" không phải lựa chọn của {key}");
                        return new ChoiceIsCondition(slot.Slot, key, index, option);
                    }
                case "atLeast":
                case "above":
                case "below":
                case "atMost":
                case "equals":
                    {
                        if (!IsPair(property.Value, p, "[giá trị, ngưỡng]")) return null;
                        var value = Parse(property.Value[0], p + "[0]");
                        var bound = Number(property.Value[1], p + "[1]");
                        return value is null || bound is null ? null : new CompareCondition(value, new Bound(property.Name, bound.Value));
                    }
                case "and":
                case "or":
                    {
                        if (property.Value.ValueKind != JsonValueKind.Array) return Fail<Condition>(p, "cần danh sách điều kiện");
                        var parts = property.Value.EnumerateArray().Select((c, i) => Condition(c, $"{p}[{i}]")).ToList();
                        return parts.Any(x => x is null) ? null : new LogicCondition(property.Name, parts.Select(x => x!).ToArray());
                    }
                case "not":
                    return Condition(property.Value, p) is { } inner ? new LogicCondition("not", [inner]) : null;
                default:
                    errors.Add($"{p}: điều kiện \"{property.Name}\" không có trong bộ quy tắc");
                    return null;
            }
        }
        errors.Add($"{path}: điều kiện rỗng");
        return null;
    }

    private InputNode? Input(string key, string path)
    {
        if (inputs.TryGetValue(key, out var slot)) return new InputNode(slot.Slot, key);
        errors.Add($"{path}: quy tắc dùng chỉ số đầu vào không tồn tại \"{key}\"");
        return null;
    }

    private Node? Ratio(JsonElement rule, string path)
    {
        if (!rule.TryGetProperty("num", out var n) || !rule.TryGetProperty("den", out var d)) return Fail(path, "cần \"num\" và \"den\" (hoặc \"value\")");
        var num = Parse(n, path + ".num");
        var den = Parse(d, path + ".den");
        return num is null || den is null ? null : new RatioNode(num, den);
    }

    /// <summary>The measured value of a rule: <c>"value"</c>, or the ratio <c>"num"</c> / <c>"den"</c>.</summary>
    private Node? Value(JsonElement rule, string path) =>
        rule.TryGetProperty("value", out var v) ? Parse(v, path + ".value") : Ratio(rule, path);

    private Node[]? List(JsonElement rule, string path)
    {
        if (!rule.TryGetProperty("of", out var of) || of.ValueKind != JsonValueKind.Array || of.GetArrayLength() == 0)
        {
            errors.Add($"{path}: cần danh sách \"of\"");
            return null;
        }
        var parts = of.EnumerateArray().Select((e, i) => Parse(e, $"{path}.of[{i}]")).ToList();
        return parts.Any(p => p is null) ? null : parts.Select(p => p!).ToArray();
    }

    private TiersNode? Tiers(JsonElement rule, string path)
    {
        var value = Value(rule, path);
        if (!rule.TryGetProperty("tiers", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}: cần danh sách \"tiers\"");
            return null;
        }
        var tiers = new List<Tier>();
        var i = 0;
        foreach (var t in list.EnumerateArray())
        {
            var p = $"{path}.tiers[{i++}]";
            if (t.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{p}: mỗi bậc phải là đối tượng");
                continue;
            }
            var bounds = new List<Bound>();
            decimal? points = null, share = null, upTo = null;
            foreach (var property in t.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "above" or "atLeast" or "below" or "atMost" or "equals":
                        bounds.Add(new Bound(property.Name, Number(property.Value, $"{p}.{property.Name}") ?? 0m));
                        break;
                    case "points": points = Number(property.Value, $"{p}.points") ?? 0m; break;
                    case "share": share = Number(property.Value, $"{p}.share") ?? 0m; break;
                    case "upTo": upTo = Number(property.Value, $"{p}.upTo") ?? 0m; break;
                    case "label": break;
                    default: errors.Add($"{p}: thuộc tính \"{property.Name}\" không hợp lệ"); break;
                }
            }
            if ((points is null ? 0 : 1) + (share is null ? 0 : 1) + (upTo is null ? 0 : 1) != 1)
            {
                errors.Add($"{p}: mỗi bậc cần đúng một trong \"points\", \"share\", \"upTo\"");
            }
            tiers.Add(new Tier([.. bounds], points, share, upTo));
        }
        return value is null ? null : new TiersNode(value, [.. tiers]);
    }

    private ChoiceNode? Choice(JsonElement rule, string path)
    {
        var key = String(rule, "input", path) ?? "";
        if (!inputs.TryGetValue(key, out var slot) || slot.Input.Options is null)
        {
            errors.Add($"{path}.input: \"{key}\" không phải chỉ số đầu vào dạng lựa chọn");
            return null;
        }
        var options = slot.Input.Options.Keys.ToArray();
        var points = new decimal?[options.Length];
        var shares = new decimal?[options.Length];
        var upTo = new decimal?[options.Length];
        foreach (var (name, target) in new[] { ("points", points), ("shares", shares), ("upTo", upTo) })
        {
            if (!rule.TryGetProperty(name, out var map)) continue;
            if (map.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{path}.{name}: phải là đối tượng {{lựa chọn: số}}");
                continue;
            }
            foreach (var property in map.EnumerateObject())
            {
                var index = Array.IndexOf(options, property.Name);
                if (index < 0) errors.Add($"{path}.{name}: \"{property.Name}\" không phải lựa chọn của {key}");
                else target[index] = Number(property.Value, $"{path}.{name}.{property.Name}") ?? 0m;
            }
        }
        for (var i = 0; i < options.Length; i++)
        {
            if (points[i] is null && shares[i] is null && upTo[i] is null) errors.Add($"{path}: lựa chọn \"{options[i]}\" của {key} chưa có điểm");
        }
        return new ChoiceNode(slot.Slot, key, options, points, shares, upTo);
    }

    private string? String(JsonElement rule, string name, string path)
    {
        if (rule.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString();
        errors.Add($"{path}: thiếu \"{name}\"");
        return null;
    }

    private decimal Decimal(JsonElement rule, string name, string path)
    {
        if (rule.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number) return Number(v, $"{path}.{name}") ?? 0m;
        errors.Add($"{path}: thiếu số \"{name}\"");
        return 0m;
    }

    /// <summary>A number the engine can hold (a decimal), or null after recording why not.</summary>
    private decimal? Number(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)) return number;
        errors.Add(value.ValueKind == JsonValueKind.Number
            ? $"{path}: số {Shown(value)} vượt quá phạm vi cho phép"
            : $"{path}: phải là số");
        return null;
    }

    private static string Shown(JsonElement value) => value.GetRawText() is { Length: > 40 } raw ? raw[..40] + "…" : value.GetRawText();

    private bool IsPair(JsonElement value, string path, string shape)
    {
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2) return true;
        errors.Add($"{path}: phải là cặp {shape}");
        return false;
    }

    private T? Fail<T>(string path, string message) where T : class
    {
        errors.Add($"{path}: {message}");
        return null;
    }

    private Node? Fail(string path, string message)
    {
        errors.Add($"{path}: {message}");
        return null;
    }
}
