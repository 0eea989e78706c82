using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Intake.Calendar;

namespace Platform.Intake.Tests.Calendar;

/// <summary><c>Intake:Calendar</c> overrides the seed defaults, per tenant field by field, and bad values fail at start-up.</summary>
public sealed class CalendarRulesBindingTests
{
    private static CalendarRules Bind(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddReportingCalendar();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<CalendarRules>>().Value;
    }

    [Fact]
    public void Without_configuration_the_seed_calendar_applies()
    {
        var rules = Bind();

        Assert.Equal(5, rules.For("monthly-4585")!.DueBefore[ReportingLevels.ToNational].Day);
        Assert.Equal(LatePolicies.Refuse, rules.For("nq57-self-2026")!.LatePolicy);
    }

    [Fact]
    public void A_tenant_overrides_only_the_fields_it_states()
    {
        var rules = Bind(
            ("Intake:Calendar:Tenants:lao-cai:monthly-4585:LatePolicy", "refuse"),
            ("Intake:Calendar:Tenants:lao-cai:monthly-4585:DueBefore:agency-to-province:Day", "4"));

        var laoCai = rules.For("monthly-4585", "lao-cai")!;
        var elsewhere = rules.For("monthly-4585", "hai-phong")!;

        Assert.Equal((LatePolicies.Refuse, 4, 5), (laoCai.LatePolicy, laoCai.DueBefore[ReportingLevels.AgencyToProvince].Day, laoCai.DueBefore[ReportingLevels.ToNational].Day));
        Assert.Equal((LatePolicies.AcceptAndMarkLate, 3), (elsewhere.LatePolicy, elsewhere.DueBefore[ReportingLevels.AgencyToProvince].Day));
    }

    [Fact]
    public void A_window_deadline_with_a_time_of_day_is_read_from_configuration()
    {
        var rules = Bind(("Intake:Calendar:Frameworks:nq57-self-2026:Windows:2026:DueBefore", "2026-06-19T11:30:00"));
        var calendar = new TestCalendar(rules);

        Assert.Equal(TestCalendar.Utc("2026-06-19T04:30:00Z"), calendar.Schedule("nq57-self-2026", "2026", ReportingLevels.AgencyToProvince).DueAt);
    }

    [Fact]
    public void A_second_nq57_round_is_configured_without_code_beside_the_seed_round()
    {
        // docs/intake.md's example: a 2027 round (data 19/06/2026–15/06/2027, due before 09:00 16/06/2027 Vietnam time).
        var rules = Bind(
            ("Intake:Calendar:Frameworks:nq57-self-2026:Windows:2027:DataFrom", "2026-06-19"),
            ("Intake:Calendar:Frameworks:nq57-self-2026:Windows:2027:DataTo", "2027-06-15"),
            ("Intake:Calendar:Frameworks:nq57-self-2026:Windows:2027:DueBefore", "2027-06-16T09:00:00"));
        var calendar = new TestCalendar(rules);

        Assert.Equal(TestCalendar.Utc("2026-06-19T02:00:00Z"), calendar.Schedule("nq57-self-2026", "2026", ReportingLevels.AgencyToProvince).DueAt);
        var second = calendar.Schedule("nq57-self-2026", "2027", ReportingLevels.AgencyToProvince);
        Assert.Equal((TestCalendar.Utc("2027-06-16T02:00:00Z"), new DateOnly(2026, 6, 19)), (second.DueAt, second.DataFrom));
    }

    [Fact]
    public void An_invalid_value_fails_at_start_up_naming_the_full_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(
            ("Intake:Calendar:Frameworks:monthly-4585:DueBefore:to-national:Day", "31"),
            ("Intake:Calendar:Tenants:lao-cai:qd2244-annual:LatePolicy", "ignore")));

        Assert.Contains("Intake:Calendar:Frameworks:monthly-4585:DueBefore:to-national:Day phải từ 1 đến 28 (đang là 31).", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Intake:Calendar:Tenants:lao-cai:qd2244-annual:LatePolicy phải là", StringComparison.Ordinal));
    }
}
