namespace Platform.Scoring.Tests.Dti;

/// <summary>The shape of dti-province-405 as frameworks.md §2 and seed 004 (QĐ 1474/QĐ-UBND) give it.</summary>
public sealed class DtiDefinitionTests
{
    private static readonly string[] Codes =
    [
        "1.1", "1.2", "1.3", "1.4", "1.5",
        "2.1", "2.2", "2.3", "2.4",
        "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7",
        "4.1", "4.2", "4.3", "4.4", "4.5", "4.6",
        "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8",
        "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9",
        "7.1", "7.2", "7.3", "7.4", "7.5",
        "8.1", "8.2", "8.3",
    ];

    [Fact]
    public void The_index_is_annual_with_1000_points_and_two_decimals()
    {
        var definition = DtiRequests.Framework.Definition;

        Assert.Equal("year", definition.PeriodType);
        Assert.Equal("2025", definition.EffectiveFrom);
        Assert.Equal(1000m, definition.MaxPoints);
        Assert.Equal(2, definition.Precision);
        Assert.Empty(definition.Classes);
        Assert.Null(definition.Bonus);
    }

    [Fact]
    public void The_eight_pillars_carry_the_maxima_of_the_decision_and_add_up_to_1000()
    {
        var pillars = DtiRequests.Framework.Definition.Groups;

        // 50 + 50 + 200 + 100 + 100 + 200 + 150 + 150 = 1,000.
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], pillars.Select(p => p.Code));
        Assert.Equal([50m, 50m, 200m, 100m, 100m, 200m, 150m, 150m], pillars.Select(p => p.Max));
        Assert.Equal(1000m, pillars.Sum(p => p.Max));
        Assert.All(pillars, p => Assert.Equal(p.Max, p.Indicators.Sum(i => i.Max)));
        Assert.Equal(
            ["Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số", "An toàn thông tin mạng", "Hoạt động chính quyền số", "Hoạt động kinh tế số", "Hoạt động xã hội số"],
            pillars.Select(p => p.Name));
    }

    [Fact]
    public void Every_indicator_of_the_seed_is_defined_in_order()
    {
        Assert.Equal(Codes, DtiRequests.Framework.Indicators.Select(i => i.Code));
    }

    [Fact]
    public void Every_indicator_has_a_lead_agency_a_frequency_and_its_legal_basis()
    {
        Assert.All(DtiRequests.Framework.Indicators, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Definition.LeadAgency), i.Code);
            Assert.False(string.IsNullOrWhiteSpace(i.Definition.Frequency), i.Code);
            Assert.Equal($"mục {i.Code} Bảng I.4, Phụ lục 1, QĐ 405/QĐ-BKHCN ngày 03/4/2025", i.Definition.LegalReference);
            Assert.Equal("zero", i.Definition.ZeroDenominator);
        });
    }

    [Theory]
    [InlineData("1.3", "Văn phòng UBND tỉnh", "hằng tháng")]
    [InlineData("1.5", "Báo và Phát thanh, Truyền hình Vĩnh Long", "hằng tuần")]
    [InlineData("2.4", "Văn phòng UBND tỉnh", "Quý IV/2025")]
    [InlineData("4.1", "Sở Nội vụ", "hằng quý")]
    [InlineData("5.1", "Công an tỉnh", "thường xuyên")]
    [InlineData("6.9", "Sở Tài chính", "Quý III, IV hằng năm")]
    [InlineData("7.2", "Thuế tỉnh", "hằng năm")]
    public void The_assignment_follows_decision_1474(string code, string lead, string frequency)
    {
        var indicator = DtiRequests.Framework.Indicators.Single(i => i.Code == code).Definition;

        Assert.Equal(lead, indicator.LeadAgency);
        Assert.Equal(frequency, indicator.Frequency);
        Assert.NotEmpty(indicator.CooperatingAgencies);
    }

    [Fact]
    public void The_literal_reading_of_7_1_and_7_2_is_recorded_as_a_suspected_typo()
    {
        var definition = DtiRequests.Framework.Definition;
        var typo = definition.Interpretations.Single(i => i.Id == "dti-5");

        Assert.True(typo.SuspectedTypo);
        Assert.False(definition.Interpretations.Single(i => i.Id == "dti-4").SuspectedTypo);
        Assert.Contains("dti-5", Indicator("7.1").Interpretations);
        Assert.Contains("dti-5", Indicator("7.2").Interpretations);
        Assert.Contains("dti-4", Indicator("6.4").Interpretations);
    }

    [Fact]
    public void Every_interpretation_an_indicator_names_is_defined()
    {
        var ids = DtiRequests.Framework.Definition.Interpretations.Select(i => i.Id).ToHashSet();

        Assert.All(DtiRequests.Framework.Indicators.SelectMany(i => i.Definition.Interpretations), id => Assert.Contains(id, ids));
    }

    [Fact]
    public void Stock_figures_keep_the_latest_update_and_flows_add_up()
    {
        var inputs = DtiRequests.Framework.Definition.Inputs.ToDictionary(i => i.Key);

        Assert.Equal("latest", inputs["info.population"].RollUp);
        Assert.Equal("latest", inputs["8.2.a"].RollUp);
        Assert.Equal("sum", inputs["1.3.posts"].RollUp);
        Assert.Equal("sum", inputs["6.5.a"].RollUp);
        Assert.Equal("sum", inputs["6.9.a"].RollUp);
        Assert.Equal(["standard", "nonstandard", "none"], inputs["3.5.dc"].Options!.Keys);
        Assert.Equal(["A", "B", "none"], inputs["6.2.level"].Options!.Keys);
    }

    private static Definitions.IndicatorDefinition Indicator(string code) =>
        DtiRequests.Framework.Indicators.Single(i => i.Code == code).Definition;
}
