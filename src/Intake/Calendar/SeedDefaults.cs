namespace Platform.Intake.Calendar;

/// <summary>The calendar the source documents give; each entry quotes its source.</summary>
internal static class SeedDefaults
{
    public static Dictionary<string, FrameworkCalendar> Frameworks() => new(StringComparer.OrdinalIgnoreCase)
    {
        // Seed 001 (QĐ 4585, mục tổ chức thực hiện): "dữ liệu sẽ được chốt vào ngày 01 hằng tháng";
        // "trước ngày 05 hằng tháng ... gửi số liệu về Văn phòng Chính phủ". Seed 000 (Lào Cai): agencies send
        // to Sở KHCN "trước ngày 03 hàng tháng". Late data is still wanted for the score, so it is marked, not refused.
        ["monthly-4585"] = new()
        {
            PeriodType = "month",
            LatePolicy = LatePolicies.AcceptAndMarkLate,
            FreezeDayOfNextMonth = 1,
            DueBefore = Levels(agencyToProvince: new DueRule { Day = 3 }, toNational: new DueRule { Day = 5 }),
        },

        // Seed 002 (Lai Châu, KH thực hiện QĐ 2244): agencies "trước ngày 12 tháng 4 hằng năm" to Sở KHCN, which
        // reports "trước ngày 15 tháng 4 hằng năm" to the Ministry and the province.
        ["qd2244-annual"] = new()
        {
            PeriodType = "year",
            LatePolicy = LatePolicies.AcceptAndMarkLate,
            DueBefore = Levels(new DueRule { Month = 4, Day = 12 }, new DueRule { Month = 4, Day = 15 }),
        },

        // Seed 004 gives no dates ("thời gian theo quy định"); assumed to follow the annual 12/15 April pattern.
        ["dti-province-405"] = new()
        {
            PeriodType = "year",
            LatePolicy = LatePolicies.AcceptAndMarkLate,
            DueBefore = Levels(new DueRule { Month = 4, Day = 12 }, new DueRule { Month = 4, Day = 15 }),
        },

        // Seed 003 (Như Thanh): "tổng hợp thông tin, số liệu từ ngày 01/7/2025 đến ngày 18/6/2026"; report
        // "trước 09 giờ, ngày 19/6/2026". A hard deadline: refused after it.
        ["nq57-self-2026"] = new()
        {
            PeriodType = "window",
            LatePolicy = LatePolicies.Refuse,
            Windows = new(StringComparer.OrdinalIgnoreCase)
            {
                ["2026"] = new WindowRule
                {
                    DataFrom = new DateOnly(2025, 7, 1),
                    DataTo = new DateOnly(2026, 6, 18),
                    DueBefore = new DateTime(2026, 6, 19, 9, 0, 0, DateTimeKind.Unspecified),
                },
            },
        },
    };

    private static Dictionary<string, DueRule> Levels(DueRule agencyToProvince, DueRule toNational) =>
        new(StringComparer.OrdinalIgnoreCase)
        {
            [ReportingLevels.AgencyToProvince] = agencyToProvince,
            [ReportingLevels.ToNational] = toNational,
        };
}
