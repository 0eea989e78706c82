using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Units;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Units;

public sealed class UnitsCsvTests(PlatformInfrastructure infrastructure)
{
    private const string Tenant = UnitsDatabase.Tenant;
    private const string Header = "code,kind,name,parent,peer_groups,formed_from,valid_from\n";
    private static readonly TimeProvider Today = FixedTime.OnVietnamDate(2026, 5, 15);

    [Fact]
    public async Task Exported_units_import_back_unchanged_into_an_empty_database_and_into_the_same_one()
    {
        var source = await UnitsDatabase.CreateAsync(infrastructure, "export");
        var target = await UnitsDatabase.CreateAsync(infrastructure, "import", seeded: false);
        string exported;
        await using (var db = source.Context()) exported = await UnitsCsv.ExportAsync(db, Tenant, TestContext.Current.CancellationToken);

        Assert.StartsWith(Header.TrimEnd('\n') + "\r\nvn,national,Việt Nam,,,,2025-03-01\r\n", exported, StringComparison.Ordinal);
        Assert.Contains("\"Bộ Văn hóa, Thể thao và Du lịch\"", exported, StringComparison.Ordinal);

        await using (var db = source.Context())
        {
            var again = await UnitsCsv.ImportAsync(Bytes(exported), db, Tenant, Today, TestContext.Current.CancellationToken);
            Assert.Equal((true, 0, 0, 108), (again.Succeeded, again.Created, again.Changed, again.Unchanged));
        }
        await using (var db = target.Context())
        {
            // With a byte-order mark, as Excel saves "CSV UTF-8".
            var result = await UnitsCsv.ImportAsync(Bytes("\uFEFF" + exported), db, Tenant, Today, TestContext.Current.CancellationToken);
            Assert.Equal((true, 108), (result.Succeeded, result.Created));
            Assert.Equal(exported, await UnitsCsv.ExportAsync(db, Tenant, TestContext.Current.CancellationToken));
        }
        Assert.Equal(108, await target.OutboxCountAsync());
    }

    [Fact]
    public async Task An_import_with_bad_rows_writes_nothing_and_names_each_row_and_column_in_Vietnamese()
    {
        var database = await UnitsDatabase.CreateAsync(infrastructure, "badimport");
        var csv = Header +
                  "lao-cai.so-moi,department,Sở Mới tỉnh Lào Cai,lao-cai,lao-cai.departments,,2026-01-01\n" + // valid
                  "Lao Cai.So,department,Sở Sai Mã,lao-cai,,,2026-01-01\n" +                               // row 3: code
                  "lao-cai.x,tinh,Đơn vị X,lao-cai,,,2026-01-01\n" +                                        // row 4: kind
                  "lao-cai.y,department,,lao-cai,,,2026-01-01\n" +                                          // row 5: name
                  "lao-cai.z,department,Đơn vị Z,khong-co,,,2026-01-01\n" +                                 // row 6: parent
                  "lao-cai.w,department,Đơn vị W,lao-cai,Nhóm Sai,,01-2026\n" +                             // row 7: peer groups, date
                  "lao-cai.so-moi,department,Trùng mã,lao-cai,,,2026-01-01\n";                              // row 8: duplicate

        await using var db = database.Context();
        var result = await UnitsCsv.ImportAsync(Bytes(csv), db, Tenant, Today, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(3, "code"), (4, "kind"), (5, "name"), (6, "parent"), (7, "peer_groups"), (7, "valid_from"), (8, "code")],
            result.Problems.Select(p => (p.Row, p.Column)).Order());
        Assert.Contains(result.Problems, p => p is { Row: 6, Column: "parent" } && p.Message.Contains("Không tìm thấy đơn vị cấp trên «khong-co»", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p is { Row: 4 } && p.Message.StartsWith("Loại đơn vị «tinh» không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p is { Row: 8 } && p.Message.Contains("trùng với dòng 2", StringComparison.Ordinal));
        Assert.False(await db.OrganisationUnits.AnyAsync(u => u.Code == "lao-cai.so-moi", TestContext.Current.CancellationToken));
        Assert.Equal(108, await db.OrganisationUnits.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(108, await database.OutboxCountAsync());
    }

    [Fact]
    public async Task A_parent_chain_that_loops_back_is_rejected()
    {
        var database = await UnitsDatabase.CreateAsync(infrastructure, "cycle");
        // lao-cai.so-khcn under its own centre, which is under lao-cai.so-khcn.
        var csv = Header + "lao-cai.so-khcn,department,Sở Khoa học và Công nghệ tỉnh Lào Cai,lao-cai.tt-cntt,lao-cai.departments,,\n";

        await using var db = database.Context();
        var result = await UnitsCsv.ImportAsync(Bytes(csv), db, Tenant, Today, TestContext.Current.CancellationToken);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "parent"), (problem.Row, problem.Column));
        Assert.Equal("Quan hệ cấp trên tạo thành vòng lặp: lao-cai.so-khcn → lao-cai.tt-cntt → lao-cai.so-khcn.", problem.Message);
        var current = await db.OrganisationUnits.Current(Tenant).SingleAsync(u => u.Code == "lao-cai.so-khcn", TestContext.Current.CancellationToken);
        Assert.Equal("lao-cai", current.ParentCode);
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var (rows, problems) = UnitsCsv.Read("\uFEFF" + Header +
            "a,commune,\"Xã \"\"A\"\", B\",vn,x;y,\"dòng 1\r\ndòng 2\",01/07/2025\r\n" +
            "b,commune,Xã B,vn,,,\r\n");

        Assert.Empty(problems);
        Assert.Collection(rows,
            a => Assert.Equal((2, "Xã \"A\", B", "dòng 1\r\ndòng 2", (DateOnly?)new DateOnly(2025, 7, 1), "x|y"),
                (a.Row, a.Details.Name, a.Details.FormedFrom, a.ValidFrom, string.Join('|', a.Details.PeerGroups))),
            b => Assert.Equal((3, (string?)null), (b.Row, b.Details.FormedFrom)));
    }

    [Fact]
    public void A_file_without_the_expected_header_is_refused_before_any_row()
    {
        var (_, problems) = UnitsCsv.Read("ma,ten\nvn,Việt Nam\n");

        Assert.All(problems, p => Assert.Equal(1, p.Row));
        Assert.Contains(problems, p => p.Column == "code" && p.Message == "Thiếu cột «code» ở dòng tiêu đề.");
        Assert.Contains(problems, p => p.Column == "ten" && p.Message.StartsWith("Cột «ten» không được hỗ trợ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused_with_a_hint()
    {
        var database = await UnitsDatabase.CreateAsync(infrastructure, "latin1", seeded: false);
        await using var db = database.Context();
        var windows1258ish = new byte[] { 0x63, 0x6F, 0x64, 0x65, 0x0A, 0xC0, 0x20, 0xFF };

        var result = await UnitsCsv.ImportAsync(new MemoryStream(windows1258ish), db, Tenant, Today, TestContext.Current.CancellationToken);

        Assert.Contains("UTF-8", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));
}
