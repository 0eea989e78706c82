using Platform.Reporting.Documents;

namespace Platform.Reporting.Tests.Documents;

/// <summary>A meeting ranking as the official reports build it: Vietnamese names, groups A–E merged, streamed rows.</summary>
internal static class SampleDocuments
{
    public static readonly DateTimeOffset PublishedAt = new(2026, 12, 15, 3, 0, 0, TimeSpan.Zero);   // 10:00 in Vietnam
    public static readonly DateTimeOffset GeneratedAt = new(2026, 12, 16, 1, 30, 0, TimeSpan.Zero);  // 08:30 in Vietnam
    public static readonly DateTimeOffset AsOf = new(2026, 12, 15, 2, 59, 0, TimeSpan.Zero);

    public static readonly string[] Names =
    [
        "Tỉnh Thừa Thiên Huế", "Bộ Khoa học và Công nghệ", "Tỉnh Đắk Lắk", "Thành phố Hồ Chí Minh", "Tỉnh Bà Rịa - Vũng Tàu",
        "Ủy ban nhân dân xã Ea Hồ, huyện Krông Năng, tỉnh Đắk Lắk, một đơn vị có tên rất dài cần xuống dòng và bị cắt bớt cho vừa ô",
    ];

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("Hạng", CellKind.Count, 6),
        new("Đơn vị", CellKind.Text, 34),
        new("Nhóm A", CellKind.Decimal2, 9, "Điểm theo nhóm chỉ số"),
        new("Nhóm B", CellKind.Decimal2, 9, "Điểm theo nhóm chỉ số"),
        new("Nhóm C", CellKind.Decimal2, 9, "Điểm theo nhóm chỉ số"),
        new("Tổng điểm", CellKind.Decimal2, 10),
        new("Thay đổi", CellKind.Change2, 9),
        new("Tỷ lệ đúng hạn", CellKind.Percent1, 10),
        new("Nộp lúc", CellKind.DateTime, 16),
    ];

    /// <summary>Row <c>i</c> (0-based): rank i+1, a name from <see cref="Names"/>, total 1234.5 on the first row.</summary>
    public static IReadOnlyList<object?> Row(int i) =>
    [
        i + 1,
        i < Names.Length ? Names[i] : $"Đơn vị số {i + 1}",
        20.25m, 18.5m, 30m,
        i == 0 ? 1234.5m : 90m - i % 50,
        i == 0 ? -0.5m : i % 3 == 0 ? null : 1.25m,
        0.875m,
        PublishedAt.AddMinutes(-i),
    ];

    public static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(int count, Action<int>? onRow = null)
    {
        for (var i = 0; i < count; i++)
        {
            onRow?.Invoke(i);
            yield return Row(i);
            if (i % 500 == 0) await Task.Yield();
        }
    }

    public static ReportDocument Ranking(int rows, Action<int>? onRow = null, bool landscape = true) => new(
        "xep-hang-tinh-2026-11-lan-2",
        "BỘ KHOA HỌC VÀ CÔNG NGHỆ",
        "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CHUYỂN ĐỔI SỐ THÁNG 11/2026",
        ["Tỉnh, thành phố trực thuộc Trung ương", "Lần công bố 2 (đính chính)"],
        [
            new ReportTable("Bảng 1. Xếp hạng", "Xếp hạng", Columns, Rows(rows, onRow)),
            new ReportTable("Bảng 2. Phân loại", "Phân loại", [new("Loại", CellKind.Text, 20), new("Số đơn vị", CellKind.Count, 10)],
                Static([["Loại A (Xuất sắc)", 3], ["Chưa báo cáo", 1]])),
        ],
        ["Lý do đính chính: sửa điểm nhóm B của Tỉnh Đắk Lắk."],
        new BuiltFrom("national", "monthly-4585", "Bộ chỉ số đánh giá hằng tháng (QĐ 4585)", "2026.1", "2026-11", 2, PublishedAt, AsOf, GeneratedAt),
        landscape);

    public static async IAsyncEnumerable<IReadOnlyList<object?>> Static(IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        await Task.Yield();
        foreach (var row in rows) yield return row;
    }
}
