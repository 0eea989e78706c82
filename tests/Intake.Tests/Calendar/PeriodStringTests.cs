using Platform.Intake.Calendar;

namespace Platform.Intake.Tests.Calendar;

/// <summary>A period string that does not fit the framework's period type is refused with a Vietnamese explanation.</summary>
public sealed class PeriodStringTests
{
    private readonly ReportingCalendar _calendar = new TestCalendar().Calendar;

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("2026/01")]
    [InlineData("2026")]
    [InlineData("２０２６-01")]
    [InlineData("")]
    [InlineData("9999-12")]
    public void A_monthly_framework_refuses_anything_but_YYYY_MM(string period)
    {
        var lookup = _calendar.Find("monthly-4585", period, ReportingLevels.ToNational);

        Assert.False(lookup.IsFound);
        Assert.Equal($"Kỳ báo cáo '{period}' không hợp lệ: khung 'monthly-4585' báo cáo theo tháng, kỳ có dạng YYYY-MM (ví dụ 2026-01).", lookup.Error);
    }

    [Theory]
    [InlineData("2025-12")]
    [InlineData("25")]
    [InlineData("+2025")]
    [InlineData("1999")]
    public void A_yearly_framework_refuses_anything_but_YYYY(string period)
    {
        var lookup = _calendar.Find("qd2244-annual", period, ReportingLevels.AgencyToProvince);

        Assert.Equal($"Kỳ báo cáo '{period}' không hợp lệ: khung 'qd2244-annual' báo cáo theo năm, kỳ có dạng YYYY (ví dụ 2025).", lookup.Error);
    }

    [Fact]
    public void A_window_framework_refuses_an_undeclared_window_and_lists_the_declared_ones()
    {
        var lookup = _calendar.Find("nq57-self-2026", "2027", ReportingLevels.AgencyToProvince);

        Assert.Equal("Kỳ báo cáo '2027' không có trong lịch của khung 'nq57-self-2026'; các đợt đã khai báo: 2026.", lookup.Error);
    }

    [Fact]
    public void An_unknown_framework_or_level_is_refused_in_Vietnamese()
    {
        Assert.Equal("Chưa có lịch báo cáo cho khung 'monthly-9999'.", _calendar.Find("monthly-9999", "2026-01", ReportingLevels.ToNational).Error);
        Assert.Equal(
            "Cấp báo cáo 'commune' không hợp lệ; dùng 'agency-to-province' hoặc 'to-national'.",
            _calendar.Find("monthly-4585", "2026-01", "commune").Error);
    }
}
