using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Admin;

namespace Platform.Web.Tests.Admin;

public sealed class PeriodCalendarViewTests : BunitContext
{
    private static PeriodCalendar Calendar(string level, bool closed, string latePolicy) => new(
        "monthly-4585", "2026-01", level, "01/01/2026", "31/01/2026",
        new DateTimeOffset(2026, 1, 31, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 2, 17, 0, 0, TimeSpan.Zero), null,
        "late", "Đã quá hạn (trước 00:00 ngày 03/02/2026); vẫn nhận báo cáo nhưng ghi nhận nộp muộn.", latePolicy, closed, null);

    [Fact]
    public void A_period_handed_to_scoring_that_still_takes_late_reports_says_both_without_contradiction()
    {
        var view = Render<PeriodCalendarView>(p => p
            .Add(v => v.Period, "2026-01")
            .Add(v => v.Now, new DateTimeOffset(2026, 2, 10, 0, 0, 0, TimeSpan.Zero))
            .Add(v => v.Levels, [
                (PeriodCalendar.AgencyToProvince, Calendar(PeriodCalendar.AgencyToProvince, closed: true, "accept-and-mark-late"), null),
                (PeriodCalendar.ToNational, Calendar(PeriodCalendar.ToNational, closed: false, "refuse"), null),
            ]));

        var agencies = view.Find("tr[data-level=agency-to-province]");
        Assert.Contains("Đã chốt số liệu để chấm điểm", agencies.TextContent, StringComparison.Ordinal);
        Assert.Contains("vẫn được nhận và được chấm bổ sung", agencies.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("khoá sổ", view.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(view.Find("tr[data-level=to-national]").QuerySelectorAll("[data-testid=handed-to-scoring]"));
    }
}
