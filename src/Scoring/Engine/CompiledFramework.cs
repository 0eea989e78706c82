using Platform.Scoring.Definitions;
using Platform.Scoring.Rules;

namespace Platform.Scoring.Engine;

/// <summary>A checked framework definition with every rule parsed and every input resolved to a slot.</summary>
public sealed class CompiledFramework
{
    private CompiledFramework(FrameworkDefinition definition) => Definition = definition;

    public FrameworkDefinition Definition { get; }
    public IReadOnlyList<InputDefinition> Inputs { get; private set; } = [];
    public IReadOnlyDictionary<string, (int Slot, InputDefinition Input)> Slots { get; private set; } = new Dictionary<string, (int, InputDefinition)>();
    public IReadOnlyList<CompiledIndicator> Indicators { get; private set; } = [];
    public IReadOnlyList<CompiledGroup> Groups { get; private set; } = [];
    public IReadOnlyList<(Condition Rule, CheckDefinition Check)> Checks { get; private set; } = [];

    /// <summary>Per input slot: the rule deriving it from the previous period when it is not reported, or null.</summary>
    public IReadOnlyList<Node?> Derivations { get; private set; } = [];

    public string Id => Definition.Id;
    public string Version => Definition.Version;

    /// <summary>Checks and compiles a definition; every problem is listed, with where it is.</summary>
    public static CompiledFramework Compile(FrameworkDefinition definition)
    {
        var errors = new List<string>();
        var compiled = new CompiledFramework(definition);
        var where = $"{definition.Id} ({definition.Version})";

        var slots = new Dictionary<string, (int, InputDefinition)>(StringComparer.Ordinal);
        foreach (var input in definition.Inputs)
        {
            if (!slots.TryAdd(input.Key, (slots.Count, input))) errors.Add($"chỉ số đầu vào \"{input.Key}\" khai báo hai lần");
            if (input.Type is not ("count" or "amount" or "fraction" or "score" or "boolean" or "choice"))
                errors.Add($"chỉ số đầu vào \"{input.Key}\": kiểu \"{input.Type}\" không hợp lệ");
            if (input.Type == "choice" && (input.Options is null || input.Options.Count == 0))
                errors.Add($"chỉ số đầu vào \"{input.Key}\": kiểu lựa chọn cần danh sách \"options\"");
            if (input.RollUp is not ("latest" or "sum"))
                errors.Add($"chỉ số đầu vào \"{input.Key}\": cách cộng dồn \"{input.RollUp}\" không hợp lệ (latest hoặc sum)");
        }
        compiled.Slots = slots;
        compiled.Inputs = definition.Inputs;

        var parser = new RuleParser(slots, errors);
        // Groups and indicators are separate name spaces: monthly set B holds the single indicator B.
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var groupCodes = new HashSet<string>(StringComparer.Ordinal);
        var indicators = new List<CompiledIndicator>();
        compiled.Groups = definition.Groups.Select(g => CompileGroup(g, g.Code, null)).ToList();

        CompiledGroup CompileGroup(GroupDefinition group, string path, CompiledGroup? parent)
        {
            if (!groupCodes.Add(group.Code)) errors.Add($"mã nhóm \"{group.Code}\" trùng");
            var compiledGroup = new CompiledGroup(group.Code, group.Name, group.Max, parent);
            foreach (var indicator in group.Indicators)
            {
                if (!codes.Add(indicator.Code)) errors.Add($"mã \"{indicator.Code}\" trùng");
                if (indicator.ZeroDenominator is not ("full" or "zero" or "excluded"))
                    errors.Add($"{indicator.Code}: chính sách mẫu số bằng 0 \"{indicator.ZeroDenominator}\" không hợp lệ (full, zero, excluded)");
                if (indicator.Direction is not (null or "higher-is-better" or "lower-is-better"))
                    errors.Add($"{indicator.Code}: chiều tốt \"{indicator.Direction}\" không hợp lệ (higher-is-better, lower-is-better)");
                if (indicator.SourceType is not (null or "agency-report" or "central-statistics" or "international-index"))
                    errors.Add($"{indicator.Code}: loại nguồn \"{indicator.SourceType}\" không hợp lệ (agency-report, central-statistics, international-index)");
                if (indicator.ReferenceYearLag is < 0 or > 5)
                    errors.Add($"{indicator.Code}: độ trễ năm tham chiếu {indicator.ReferenceYearLag} không hợp lệ (từ 0 đến 5 năm)");
                var rule = indicator.Rule;
                if (indicator.Variant is { } variant)
                {
                    if (indicator.Variants is null || !indicator.Variants.TryGetValue(variant, out rule))
                        errors.Add($"{indicator.Code}: biến thể \"{variant}\" không có trong \"variants\"");
                }
                var node = rule.ValueKind == System.Text.Json.JsonValueKind.Undefined
                    ? ReportMissingRule(indicator.Code)
                    : parser.Parse(rule, $"{indicator.Code}.rule");
                if (node is null) continue;
                var bests = Walk(node).OfType<BestNode>().ToList();
                if (bests.Count > 1) errors.Add($"{indicator.Code}: chỉ được so sánh với giá trị cao nhất nhóm một lần");
                if (bests.Count == 1 && Walk(bests[0].Value).OfType<BestNode>().Any()) errors.Add($"{indicator.Code}: so sánh lồng nhau");
                var compiledIndicator = new CompiledIndicator(indicators.Count, indicator, node, bests.FirstOrDefault(), UsedSlots(node), compiledGroup);
                indicators.Add(compiledIndicator);
                compiledGroup.Indicators.Add(compiledIndicator);
            }
            foreach (var child in group.Groups) compiledGroup.Groups.Add(CompileGroup(child, $"{path}.{child.Code}", compiledGroup));

            if (!definition.Unscored)
            {
                var sum = group.Indicators.Where(i => !i.SharesParentMax).Sum(i => i.Max) + group.Groups.Sum(g => g.Max);
                if (sum != group.Max) errors.Add($"nhóm {group.Code}: tổng điểm tối đa của các thành phần là {Node.Vn(sum)}, khác {Node.Vn(group.Max)}");
            }
            return compiledGroup;
        }

        Node? ReportMissingRule(string code)
        {
            errors.Add($"{code}: thiếu quy tắc tính điểm");
            return null;
        }

        if (!definition.Unscored)
        {
            var top = definition.Groups.Sum(g => g.Max) + (definition.Bonus?.Max ?? 0m);
            if (top != definition.MaxPoints) errors.Add($"tổng điểm tối đa của các nhóm{(definition.Bonus is null ? "" : " và điểm thưởng")} là {Node.Vn(top)}, khác {Node.Vn(definition.MaxPoints)}");
        }
        var previous = decimal.MaxValue;
        foreach (var band in definition.Classes)
        {
            if (band.Min >= previous) errors.Add($"xếp loại {band.Code}: ngưỡng phải giảm dần");
            previous = band.Min;
        }
        if (definition.Classes.Count > 0 && definition.Classes[^1].Min != 0m) errors.Add("xếp loại: loại cuối cùng phải bắt đầu từ 0");
        if (definition.PeriodType is not ("month" or "year" or "window")) errors.Add($"loại kỳ \"{definition.PeriodType}\" không hợp lệ");
        if (!Period.TryParse(definition.EffectiveFrom, out _)) errors.Add($"hiệu lực từ \"{definition.EffectiveFrom}\" không phải kỳ hợp lệ");
        if (definition.EffectiveTo is { } to && (!Period.TryParse(to, out var end) || Period.Compare(end, definition.EffectiveFrom) < 0))
            errors.Add($"hiệu lực đến \"{to}\" không hợp lệ hoặc trước ngày hiệu lực");

        compiled.Derivations = definition.Inputs
            .Select(i => i.WhenMissing?.FromPrevious is { } rule ? parser.Parse(rule, $"{i.Key}.whenMissing.fromPrevious") : null)
            .ToList();
        compiled.Checks = definition.Checks
            .Select((check, i) => (Rule: parser.Condition(check.Rule, $"checks[{i}]"), Check: check))
            .Where(c => c.Rule is not null)
            .Select(c => (c.Rule!, c.Check))
            .ToList();
        foreach (var key in definition.Checks.SelectMany(c => c.Requires).Where(k => !slots.ContainsKey(k)))
            errors.Add($"kiểm tra chéo: chỉ số đầu vào bắt buộc \"{key}\" không tồn tại");
        foreach (var check in definition.Checks.Where(c => !slots.ContainsKey(c.Key)))
            errors.Add($"kiểm tra \"{check.Message}\": chỉ số đầu vào \"{check.Key}\" không tồn tại");
        // The problem is told against an input the rule reads, so a wrong value of that input (told on its own) skips the check.
        foreach (var (rule, check) in compiled.Checks.Where(c => slots.TryGetValue(c.Check.Key, out var s) && !SlotsOf(c.Rule.Nodes).Contains(s.Item1)))
            errors.Add($"kiểm tra \"{check.Message}\": lỗi được báo cho chỉ số đầu vào \"{check.Key}\" nhưng quy tắc không đọc chỉ số này");

        if (errors.Count > 0) throw new FrameworkDefinitionException(where, errors);
        compiled.Indicators = indicators;
        return compiled;
    }

    internal static IEnumerable<Node> Walk(Node node)
    {
        yield return node;
        foreach (var child in node.Children)
        {
            foreach (var n in Walk(child)) yield return n;
        }
    }

    private static int[] UsedSlots(Node node) => SlotsOf([node]);

    /// <summary>The input slots read by <paramref name="nodes"/> and everything under them, in slot order.</summary>
    internal static int[] SlotsOf(IEnumerable<Node> nodes) =>
        nodes.SelectMany(Walk).Select(n => n switch
        {
            InputNode i => i.Slot,
            ChoiceNode c => c.Slot,
            _ => -1,
        }).Where(s => s >= 0).Distinct().Order().ToArray();
}

public sealed class CompiledIndicator(int index, IndicatorDefinition definition, Node rule, BestNode? best, int[] usedSlots, CompiledGroup group)
{
    public int Index { get; } = index;
    public IndicatorDefinition Definition { get; } = definition;
    public string Code => Definition.Code;
    public decimal Max => Definition.Max;
    public Node Rule { get; } = rule;
    public BestNode? Best { get; } = best;
    public int[] UsedSlots { get; } = usedSlots;
    public CompiledGroup Group { get; } = group;
    public ZeroPolicy ZeroPolicy { get; } = definition.ZeroDenominator switch { "full" => ZeroPolicy.Full, "excluded" => ZeroPolicy.Excluded, _ => ZeroPolicy.Zero };
}

public enum ZeroPolicy { Zero, Full, Excluded }

public sealed class CompiledGroup(string code, string name, decimal max, CompiledGroup? parent)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public decimal Max { get; } = max;
    public CompiledGroup? Parent { get; } = parent;
    public List<CompiledIndicator> Indicators { get; } = [];
    public List<CompiledGroup> Groups { get; } = [];
}

public sealed class FrameworkDefinitionException(string framework, IReadOnlyList<string> problems)
    : Exception($"Định nghĩa khung {framework} không hợp lệ: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
