namespace Platform.Reporting.Documents;

/// <summary>How a cell is written: Excel number format and PDF/CSV text (vi-VN: 1.234,5; dates dd/MM/yyyy).</summary>
public enum CellKind
{
    Text,

    /// <summary>A whole number: <c>#,##0</c>, shown 1.234.</summary>
    Count,

    /// <summary>Two decimals (scores): <c>#,##0.00</c>, shown 1.234,50.</summary>
    Decimal2,

    /// <summary>A signed change with two decimals (+1,25 / −0,50), blank when null.</summary>
    Change2,

    /// <summary>A fraction 0–1 shown as a percentage with one decimal (87,5 %).</summary>
    Percent1,

    /// <summary>A <see cref="DateTimeOffset"/> shown in Vietnam time, dd/MM/yyyy HH:mm.</summary>
    DateTime,
}

/// <param name="Header">Column header people read (Vietnamese).</param>
/// <param name="Kind">Cell kind; a row's value is <c>string</c>, <c>int</c>, <c>decimal</c>, <c>DateTimeOffset</c> or null (blank).</param>
/// <param name="Width">Relative width (Excel characters; PDF scales the sum to the page).</param>
/// <param name="Group">Merged header above consecutive columns with the same group (e.g. "Điểm theo nhóm"); null: none.</param>
public sealed record ReportColumn(string Header, CellKind Kind, double Width, string? Group = null);

/// <summary>One table of a report. Rows are streamed: enumerated once, in order, after the previous table's.</summary>
/// <param name="Heading">Heading above the table (and the Excel sheet's title row).</param>
/// <param name="SheetName">Excel sheet name (≤ 31 characters, no <c>[]:*?/\</c>).</param>
public sealed record ReportTable(string Heading, string SheetName, IReadOnlyList<ReportColumn> Columns, IAsyncEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>What an export was built from; every export states it (PDF footer, Excel's last rows, CSV's first lines).</summary>
/// <param name="FrameworkName">The framework's name people know, e.g. "Bộ chỉ số đánh giá hằng tháng (QĐ 4585)".</param>
/// <param name="Revision">The publication's revision (1 = first publication); null for reports not built from a publication.</param>
/// <param name="PublishedAt">When that revision was published, UTC; null when none.</param>
/// <param name="AsOf">The latest event the read model holds for the report (for compliance: what is known now), UTC.</param>
/// <param name="GeneratedAt">When the export was produced, UTC.</param>
public sealed record BuiltFrom(string Tenant, string Framework, string FrameworkName, string FrameworkVersion, string Period, int? Revision,
    DateTimeOffset? PublishedAt, DateTimeOffset? AsOf, DateTimeOffset GeneratedAt);

/// <summary>
/// An official report, rendered by <see cref="ReportFiles"/> as Excel, PDF or CSV from the same content.
/// </summary>
/// <param name="FileName">File name without extension, ASCII (e.g. <c>xep-hang-tinh-2026-11-lan-2</c>).</param>
/// <param name="Issuer">The issuing body above the title (e.g. "BỘ KHOA HỌC VÀ CÔNG NGHỆ"); null: none.</param>
/// <param name="Title">Title, upper case as in official documents.</param>
/// <param name="Subtitles">Lines under the title (period, peer group, scope).</param>
/// <param name="Tables">The tables in order (Excel: one sheet each; PDF: one after the other; CSV: the first).</param>
/// <param name="Notes">Lines after the tables (e.g. the correction's reason, how to read the classes).</param>
/// <param name="Source">What it was built from; rendered as the legal footer with <see cref="Notes"/>.</param>
/// <param name="Landscape">A4 landscape (wide rankings) or portrait.</param>
public sealed record ReportDocument(string FileName, string? Issuer, string Title, IReadOnlyList<string> Subtitles,
    IReadOnlyList<ReportTable> Tables, IReadOnlyList<string> Notes, BuiltFrom Source, bool Landscape = true);
