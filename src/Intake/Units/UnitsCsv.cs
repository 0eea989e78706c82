using Platform.DataAndMessaging.Audit;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Intake.Audit;
using Platform.Intake.Data;
using Platform.DataAndMessaging.Outbox;

namespace Platform.Intake.Units;

/// <summary>One data row of a units CSV; <see cref="Row"/> counts the header as row 1, like a spreadsheet.</summary>
public sealed record UnitCsvRow(int Row, UnitDetails Details, DateOnly? ValidFrom);

/// <summary>A problem with one cell (or the whole row, or the file when <see cref="Row"/> is 0), in Vietnamese.</summary>
public sealed record UnitCsvProblem(int Row, string Column, string Message);

public sealed record UnitImportResult(IReadOnlyList<UnitCsvProblem> Problems, int Created, int Changed, int Unchanged)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Import and export of the unit directory as CSV (UTF-8, comma-separated, RFC 4180 quoting), columns
/// <c>code,kind,name,parent,peer_groups,formed_from,valid_from</c>; peer groups are separated by <c>;</c>.
/// </summary>
public static class UnitsCsv
{
    public static readonly IReadOnlyList<string> Columns = ["code", "kind", "name", "parent", "peer_groups", "formed_from", "valid_from"];

    /// <summary>The current units, parents before children.</summary>
    public static Task<string> ExportAsync(IntakeDbContext db, string tenant, CancellationToken cancellationToken) =>
        ExportAsync(db.OrganisationUnits.Current(tenant), cancellationToken);

    /// <summary>
    /// <paramref name="units"/> (one revision per code, e.g. the current units of a subtree), parents before children;
    /// a unit whose parent is not among them (the top of a subtree) comes first.
    /// </summary>
    public static async Task<string> ExportAsync(IQueryable<OrganisationUnit> units, CancellationToken cancellationToken)
    {
        var rows = await units.AsNoTracking().ToListAsync(cancellationToken);
        var codes = rows.Select(u => u.Code).ToHashSet();
        var children = rows.ToLookup(u => u.ParentCode is { } parent && codes.Contains(parent) ? parent : "");
        var text = new StringBuilder();
        WriteLine(text, Columns);
        var stack = new Stack<OrganisationUnit>(children[""].OrderByDescending(u => u.Code, StringComparer.Ordinal));
        while (stack.TryPop(out var unit))
        {
            WriteLine(text, [unit.Code, unit.Kind, unit.Name, unit.ParentCode ?? "", string.Join(';', unit.PeerGroups),
                unit.FormedFrom ?? "", unit.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            foreach (var child in children[unit.Code].OrderByDescending(u => u.Code, StringComparer.Ordinal)) stack.Push(child);
        }
        return text.ToString();
    }

    /// <summary>
    /// Validates every row and, only if all are valid, applies them in one transaction: new codes are
    /// registered, changed units get a new revision (the old one is closed), units missing from the file
    /// are left as they are. Each registered or changed unit emits <see cref="OrganisationUnitRegistered"/>.
    /// A changed unit takes effect on its <c>valid_from</c> if that is later than its current revision,
    /// otherwise today (Vietnam time).
    /// </summary>
    public static Task<UnitImportResult> ImportAsync(Stream csv, IntakeDbContext db, string tenant, TimeProvider time, CancellationToken cancellationToken) =>
        ImportAsync(csv, db, tenant, time, "system", cancellationToken);

    /// <inheritdoc cref="ImportAsync(Stream, IntakeDbContext, string, TimeProvider, CancellationToken)"/>
    /// <param name="by">Who imports (the token's subject); each registered or revised unit gets an audit line in the same transaction.</param>
    public static async Task<UnitImportResult> ImportAsync(Stream csv, IntakeDbContext db, string tenant, TimeProvider time, string by, CancellationToken cancellationToken)
    {
        var (text, notText) = await DecodeAsync(csv, cancellationToken);
        if (text is null) return Failed(notText!);

        var (rows, problems) = Read(text);
        var today = time.TodayInVietnam();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await UnitHistory.LockDirectoryAsync(db, tenant, cancellationToken);
        var current = await db.OrganisationUnits.Current(tenant).ToDictionaryAsync(u => u.Code, cancellationToken);
        problems.AddRange(UnitValidation.Validate(rows, current.ToDictionary(p => p.Key, p => p.Value.Details), today));

        var created = new List<OrganisationUnit>();
        var changed = new List<(OrganisationUnit Old, UnitCsvRow Row)>();
        foreach (var row in rows)
        {
            if (!current.TryGetValue(row.Details.Code, out var unit)) created.Add(OrganisationUnit.Register(tenant, row.Details, row.ValidFrom ?? today));
            else if (!unit.Details.SameAs(row.Details)) changed.Add((unit, row));
        }
        var effective = new Dictionary<string, DateOnly>();
        foreach (var (old, row) in changed)
        {
            var from = row.ValidFrom is { } d && d > old.ValidFrom ? d : today;
            if (row.ValidFrom < old.ValidFrom || from <= old.ValidFrom)
            {
                problems.Add(new UnitCsvProblem(row.Row, "valid_from",
                    $"Đơn vị «{old.Code}» có thay đổi nên cần ngày hiệu lực sau ngày {old.ValidFrom:dd/MM/yyyy} (ngày bắt đầu của thông tin hiện tại)."));
            }
            effective[old.Code] = from;
        }
        if (problems.Count > 0) return Failed([.. problems.OrderBy(p => p.Row)]);

        // Close the old revisions first: the one-open-revision-per-code index is checked row by row.
        var successors = changed.Select(c => c.Old.Supersede(c.Row.Details, effective[c.Old.Code])).ToList();
        await db.SaveChangesAsync(cancellationToken);
        foreach (var unit in created.Concat(successors))
        {
            db.OrganisationUnits.Add(unit);
            db.EnqueueEvent(unit.ToEvent(time), time);
            db.AuditEntries.Add(new AuditEntry(AuditEntities.Unit, unit.Code, unit.Revision == 1 ? "created" : "revised", by, time.GetUtcNow(),
                $"Phiên bản {unit.Revision}: {unit.Name} ({unit.Kind}, thuộc {unit.ParentCode ?? "—"}), hiệu lực từ {unit.ValidFrom:dd/MM/yyyy}"));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UnitImportResult([], created.Count, successors.Count, rows.Count - created.Count - successors.Count);
    }

    public static OrganisationUnitRegistered ToEvent(this OrganisationUnit unit, TimeProvider time) =>
        new(unit.Tenant, unit.Code, unit.Name, unit.Kind, unit.ParentCode, unit.Revision, time.GetUtcNow(), unit.PeerGroups, unit.ValidTo);

    /// <summary>The file's text (UTF-8; a byte order mark says UTF-16 or UTF-32), or the problem when it is not text in those.</summary>
    public static async Task<(string? Text, UnitCsvProblem? Problem)> DecodeAsync(Stream csv, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(csv, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            return (await reader.ReadToEndAsync(cancellationToken), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, new UnitCsvProblem(0, "", "Tệp không phải văn bản UTF-8. Hãy lưu lại tệp với mã hóa UTF-8 (CSV UTF-8)."));
        }
    }

    /// <summary>Splits the file into rows and checks the header and the shape of each cell.</summary>
    public static (List<UnitCsvRow> Rows, List<UnitCsvProblem> Problems) Read(string text)
    {
        var rows = new List<UnitCsvRow>();
        var problems = new List<UnitCsvProblem>();
        var records = CsvRecords.Parse(text.TrimStart('\uFEFF'), problems);
        if (records.Count == 0)
        {
            problems.Add(new UnitCsvProblem(1, "", $"Tệp trống. Dòng đầu tiên phải là tiêu đề: {string.Join(',', Columns)}."));
            return (rows, problems);
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var index = Columns.ToDictionary(c => c, c => header.IndexOf(c));
        foreach (var missing in Columns.Where(c => index[c] < 0))
        {
            problems.Add(new UnitCsvProblem(1, missing, $"Thiếu cột «{missing}» ở dòng tiêu đề."));
        }
        foreach (var extra in header.Where(h => !Columns.Contains(h)))
        {
            problems.Add(new UnitCsvProblem(1, extra, $"Cột «{extra}» không được hỗ trợ. Các cột hợp lệ: {string.Join(',', Columns)}."));
        }
        if (problems.Count > 0) return (rows, problems);

        foreach (var (row, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (fields.Count != header.Count)
            {
                problems.Add(new UnitCsvProblem(row, "", $"Dòng có {fields.Count} cột, tiêu đề có {header.Count} cột. Kiểm tra dấu phẩy trong tên: ô có dấu phẩy phải đặt trong dấu ngoặc kép."));
                continue;
            }
            string Cell(string column) => fields[index[column]].Trim();
            DateOnly? validFrom = null;
            var date = Cell("valid_from");
            if (date.Length > 0)
            {
                if (DateOnly.TryParseExact(date, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) validFrom = parsed;
                else problems.Add(new UnitCsvProblem(row, "valid_from", $"Ngày «{date}» không hợp lệ. Ghi theo dạng 2025-07-01 hoặc 01/07/2025."));
            }
            var peerGroups = Cell("peer_groups").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
            var details = new UnitDetails(Cell("code"), Cell("kind"), Cell("name"), NullIfEmpty(Cell("parent")), peerGroups, NullIfEmpty(Cell("formed_from")));
            rows.Add(new UnitCsvRow(row, details, validFrom));
        }
        return (rows, problems);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static UnitImportResult Failed(params UnitCsvProblem[] problems) => new(problems, 0, 0, 0);

    private static void WriteLine(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) text.Append(',');
            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0) text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else text.Append(field);
        }
        text.Append("\r\n");
    }
}
