using Platform.TestSupport;
using Platform.Scoring.Definitions;
using Platform.Scoring.Engine;

namespace Platform.Scoring.Tests.Qd2244;

/// <summary>frameworks.md §4: the 46 criteria of QĐ 2244/QĐ-TTg (Appendix I) as an indicator catalogue without points.</summary>
public sealed class Qd2244CatalogueTests
{
    private static readonly CompiledFramework Framework = ShippedFrameworks.Catalog.Find("qd2244-annual", null, "2025")!;

    private static IEnumerable<IndicatorDefinition> Criteria =>
        Framework.Definition.Groups.SelectMany(g => g.Indicators);

    [Fact]
    public void It_is_an_unscored_annual_catalogue_in_force_from_2025()
    {
        var definition = Framework.Definition;

        Assert.Equal("2244/QĐ-TTg (13/10/2025)", definition.Version);
        Assert.True(definition.Unscored);
        Assert.Equal("year", definition.PeriodType);
        Assert.Equal("2025", definition.EffectiveFrom);
        Assert.Null(definition.EffectiveTo);
        Assert.Equal(0m, definition.MaxPoints);
        Assert.Same(Framework, ShippedFrameworks.Catalog.Find("qd2244-annual", null, "2026"));
        Assert.Null(ShippedFrameworks.Catalog.Find("qd2244-annual", null, "2024"));
    }

    [Fact]
    public void It_has_46_criteria_in_the_four_groups_of_the_decision()
    {
        // Appendix I: 01 inputs 2 criteria, 02 outputs 10, 03 efficiency 5, 04 impact 29 → 46, codes 0101–0429.
        string[] codes(string group, int count) => [.. Enumerable.Range(1, count).Select(i => $"{group}{i:00}")];
        var groups = Framework.Definition.Groups;

        Assert.Equal(["01", "02", "03", "04"], groups.Select(g => g.Code));
        Assert.Equal(["Nhóm tiêu chí đầu vào", "Nhóm tiêu chí kết quả", "Nhóm tiêu chí hiệu quả", "Nhóm tiêu chí tác động"], groups.Select(g => g.Name));
        Assert.Equal(codes("01", 2), groups[0].Indicators.Select(i => i.Code));
        Assert.Equal(codes("02", 10), groups[1].Indicators.Select(i => i.Code));
        Assert.Equal(codes("03", 5), groups[2].Indicators.Select(i => i.Code));
        Assert.Equal(codes("04", 29), groups[3].Indicators.Select(i => i.Code));
        Assert.Equal(46, Framework.Indicators.Count);
    }

    [Fact]
    public void Every_criterion_has_a_unit_a_direction_a_source_type_and_a_lead_agency()
    {
        Assert.All(Criteria, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Name), c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.Unit), c.Code);
            Assert.Contains(c.Direction, new[] { "higher-is-better", "lower-is-better" });
            Assert.Contains(c.SourceType, new[] { "agency-report", "central-statistics", "international-index" });
            Assert.False(string.IsNullOrWhiteSpace(c.LeadAgency), c.Code);
            Assert.Equal(0m, c.Max);
        });
    }

    [Fact]
    public void Every_criterion_reads_the_input_keyed_by_its_own_code()
    {
        Assert.Equal(Criteria.Select(c => c.Code), Framework.Inputs.Select(i => i.Key));
        Assert.All(Framework.Indicators, i => Assert.Equal([Framework.Slots[i.Code].Slot], i.UsedSlots));
    }

    [Theory]
    // From the decision's table (lead agency; cooperating agencies separated by "; ").
    [InlineData("0101", "Bộ Khoa học và Công nghệ", "")]
    [InlineData("0102", "Bộ Khoa học và Công nghệ", "Bộ Tài chính")]
    [InlineData("0204", "Bộ Nông nghiệp và Môi trường", "")]
    [InlineData("0405", "Bộ Tài chính", "Bộ Khoa học và Công nghệ; Bộ Công Thương")]
    [InlineData("0410", "Bộ Khoa học và Công nghệ", "Các bộ, cơ quan ngang bộ; Ủy ban nhân dân các tỉnh, thành phố")]
    [InlineData("0415", "Ngân hàng Nhà nước Việt Nam", "Bộ Tài chính")]
    [InlineData("0421", "Văn phòng Chính phủ", "")]
    [InlineData("0427", "Bộ Công an", "")]
    public void Criteria_carry_the_lead_and_cooperating_agencies_of_the_decision(string code, string lead, string cooperating)
    {
        var criterion = Criteria.Single(c => c.Code == code);

        Assert.Equal(lead, criterion.LeadAgency);
        Assert.Equal(cooperating, string.Join("; ", criterion.CooperatingAgencies));
    }

    [Fact]
    public void International_indices_are_marked_as_such_with_their_reference_year_lag()
    {
        // 0426 EGDI, 0427 GCI, 0428 GII, 0429 HDI.
        var indices = Criteria.Where(c => c.SourceType == "international-index").ToList();

        Assert.Equal(["0426", "0427", "0428", "0429"], indices.Select(c => c.Code));
        var lag = Assert.Single(Framework.Definition.Interpretations, i => i.Id == "qd2244-2");
        Assert.Contains("năm tham chiếu", lag.Text, StringComparison.Ordinal);
        Assert.All(indices, c => Assert.Contains("qd2244-2", c.Interpretations));
    }

    [Fact]
    public void International_indices_and_national_account_shares_refer_to_the_year_before_and_every_other_criterion_to_its_own_year()
    {
        var lagging = Criteria.Where(c => c.ReferenceYearLag != 0).ToList();

        Assert.Equal(["0301", "0302", "0401", "0402", "0426", "0427", "0428", "0429"], lagging.Select(c => c.Code));
        Assert.All(lagging, c => Assert.Equal(1, c.ReferenceYearLag));
        Assert.Contains("referenceYearLag", Assert.Single(Framework.Definition.Interpretations, i => i.Id == "qd2244-7").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalogue_with_an_unknown_direction_source_type_or_a_lag_out_of_range_is_refused_naming_the_criterion()
    {
        var json = FrameworkCatalog.ShippedFiles().Single(f => f.Contains("\"id\": \"qd2244-annual\"", StringComparison.Ordinal));
        var broken = json.Replace("\"code\": \"0101\", \"name\": \"Nhân lực khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số\", \"max\": 0, \"unit\": \"người\", \"direction\": \"higher-is-better\", \"sourceType\": \"agency-report\",",
                "\"code\": \"0101\", \"name\": \"Nhân lực\", \"max\": 0, \"unit\": \"người\", \"direction\": \"up\", \"sourceType\": \"rumour\", \"referenceYearLag\": 9,", StringComparison.Ordinal);
        Assert.NotEqual(json, broken);

        var (framework, problems) = FrameworkFile.Read(broken);

        Assert.Null(framework);
        Assert.Contains(problems, p => p.Contains("0101: chiều tốt \"up\" không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("0101: loại nguồn \"rumour\" không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("0101: độ trễ năm tham chiếu 9 không hợp lệ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_annual_calendar_of_seed_002_is_recorded()
    {
        // Agencies report to Sở KHCN before 12 April; Sở KHCN reports upward before 15 April.
        var calendar = Assert.Single(Framework.Definition.Interpretations, i => i.Id == "qd2244-5");

        Assert.Contains("trước ngày 12 tháng 4", calendar.Text, StringComparison.Ordinal);
        Assert.Contains("trước ngày 15 tháng 4", calendar.Text, StringComparison.Ordinal);
    }
}
