using System.Text.RegularExpressions;

namespace Platform.Intake.Units;

/// <summary>Checks rows of a unit directory against each other and against the units already stored.</summary>
public static partial class UnitValidation
{
    public const int MaxCodeLength = 100;
    public const int MaxNameLength = 300;

    [GeneratedRegex("^[a-z0-9.-]+$")]
    private static partial Regex CodeFormat();

    /// <param name="existing">Current units of the tenant, by code.</param>
    /// <param name="today">Vietnam date; a unit cannot take effect after it.</param>
    public static List<UnitCsvProblem> Validate(IReadOnlyList<UnitCsvRow> rows, IReadOnlyDictionary<string, UnitDetails> existing, DateOnly today)
    {
        var problems = new List<UnitCsvProblem>();
        var firstRow = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var (code, kind, name, parent, peerGroups, _) = row.Details;
            void Problem(string column, string message) => problems.Add(new UnitCsvProblem(row.Row, column, message));

            if (code.Length == 0) Problem("code", "Mã đơn vị không được để trống.");
            else if (code.Length > MaxCodeLength || !CodeFormat().IsMatch(code))
            {
                Problem("code", $"Mã «{code}» không hợp lệ: chỉ dùng chữ thường không dấu, chữ số, dấu chấm và gạch ngang (ví dụ lao-cai.so-khcn), tối đa {MaxCodeLength} ký tự.");
            }
            else if (!firstRow.TryAdd(code, row.Row)) Problem("code", $"Mã «{code}» bị trùng với dòng {firstRow[code]}.");

            if (!UnitKinds.All.Contains(kind)) Problem("kind", $"Loại đơn vị «{kind}» không hợp lệ. Dùng một trong: {string.Join(", ", UnitKinds.All)}.");

            if (name.Length == 0) Problem("name", "Tên đơn vị (tiếng Việt có dấu) không được để trống.");
            else if (name.Length > MaxNameLength) Problem("name", $"Tên đơn vị dài {name.Length} ký tự, tối đa {MaxNameLength}.");

            foreach (var group in peerGroups.Where(g => g.Length > MaxCodeLength || !CodeFormat().IsMatch(g)))
            {
                Problem("peer_groups", $"Nhóm so sánh «{group}» không hợp lệ: chỉ dùng chữ thường không dấu, chữ số, dấu chấm và gạch ngang; các nhóm cách nhau bằng dấu chấm phẩy (ví dụ provinces;lao-cai.departments).");
            }

            if (kind == UnitKinds.National && parent is not null) Problem("parent", "Đơn vị cấp quốc gia là gốc của cây, không có đơn vị cấp trên.");
            else if (kind != UnitKinds.National && parent is null) Problem("parent", "Cần ghi mã đơn vị cấp trên (chỉ đơn vị cấp quốc gia mới không có đơn vị cấp trên).");
            else if (parent == code) Problem("parent", "Đơn vị không thể là cấp trên của chính nó.");

            if (row.ValidFrom > today) Problem("valid_from", $"Ngày hiệu lực {row.ValidFrom:dd/MM/yyyy} ở tương lai; chỉ nhập thay đổi đã có hiệu lực (đến hôm nay {today:dd/MM/yyyy}).");
        }

        // The tree after the import: rows of the file override the stored units.
        var parents = existing.ToDictionary(p => p.Key, p => p.Value.ParentCode);
        foreach (var row in rows.Where(r => r.Details.Code.Length > 0)) parents[row.Details.Code] = row.Details.ParentCode;
        foreach (var row in rows)
        {
            var (code, _, _, parent, _, _) = row.Details;
            if (parent is null || parent == code) continue;
            if (!parents.ContainsKey(parent))
            {
                problems.Add(new UnitCsvProblem(row.Row, "parent", $"Không tìm thấy đơn vị cấp trên «{parent}» trong tệp hoặc trong danh mục hiện có."));
            }
            else if (Cycle(code, parents) is { } cycle)
            {
                problems.Add(new UnitCsvProblem(row.Row, "parent", $"Quan hệ cấp trên tạo thành vòng lặp: {string.Join(" → ", cycle)}."));
            }
        }
        return problems;
    }

    /// <summary>The chain from <paramref name="code"/> back to itself, or null when walking up reaches a root.</summary>
    private static List<string>? Cycle(string code, Dictionary<string, string?> parents)
    {
        var chain = new List<string> { code };
        var seen = new HashSet<string> { code };
        var at = code;
        while (parents.TryGetValue(at, out var up) && up is not null)
        {
            chain.Add(up);
            if (up == code) return chain;
            // A loop further up that does not pass through this unit is reported on the rows that form it.
            if (!seen.Add(up)) return null;
            at = up;
        }
        return null;
    }
}
