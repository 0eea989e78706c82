using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Web.Api;

namespace Platform.Web.Tests.Frameworks;

/// <summary>
/// Definitions are read from intake through the gateway and kept for everyone for <see cref="FrameworkCache.Lifetime"/>:
/// asked once while fresh, asked again once it has passed (a newly uploaded version shows within a minute), and a
/// refusal is never kept.
/// </summary>
public sealed class FrameworkClientTests : BunitContext
{
    private const string Monthly = MonthlyFramework.Id;
    private static readonly string Version = ShippedDefinitions.Definition(Monthly, "2026-01").Version;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 10, 3, 0, 0, TimeSpan.Zero));
    private readonly StubGateway _gateway;

    public FrameworkClientTests()
    {
        Services.AddSingleton<TimeProvider>(_time);
        _gateway = this.UseStubGateway();
    }

    /// <summary>A client as one page request gets it (a new scope); the cache is the application's.</summary>
    private FrameworkClient Client() => Services.CreateScope().ServiceProvider.GetRequiredService<FrameworkClient>();

    private int Asked(string pathStart) => _gateway.Requests.Count(r => r.PathAndQuery.StartsWith(pathStart, StringComparison.Ordinal));

    [Fact]
    public async Task A_version_is_asked_for_once_while_fresh_and_again_after_the_lifetime()
    {
        var first = await Client().VersionAsync(Monthly, Version, Ct);
        var second = await Client().VersionAsync(Monthly, Version, Ct);
        _time.Advance(FrameworkCache.Lifetime + TimeSpan.FromSeconds(1));
        var third = await Client().VersionAsync(Monthly, Version, Ct);

        Assert.Equal([Version, Version, Version], new[] { first, second, third }.Select(r => r.Value!.Definition.Version));
        // The version's name holds slashes: sent escaped, one path segment.
        Assert.Equal(2, Asked(FrameworkClient.VersionPath(Monthly, Version)));
        Assert.Contains("%2F", FrameworkClient.VersionPath(Monthly, Version), StringComparison.Ordinal);
        Assert.True(FrameworkCache.Lifetime <= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task The_version_in_force_is_asked_once_per_period_and_then_serves_that_version_by_name_without_asking()
    {
        var january = await Client().InForceAsync(Monthly, "2026-01", Ct);
        var againJanuary = await Client().InForceAsync(Monthly, "2026-01", Ct);
        var february = await Client().InForceAsync(Monthly, "2026-02", Ct);
        var byName = await Client().VersionAsync(Monthly, january.Value!.Definition.Version, Ct);

        Assert.Equal(Version, againJanuary.Value!.Definition.Version);
        Assert.Equal(Version, february.Value!.Definition.Version);
        Assert.Equal(Version, byName.Value!.Definition.Version);
        Assert.Equal(1, Asked($"/api/intake/frameworks/{Monthly}/in-force/2026-01"));
        Assert.Equal(1, Asked($"/api/intake/frameworks/{Monthly}/in-force/2026-02"));
        Assert.Equal(0, Asked(FrameworkClient.VersionPath(Monthly, Version)));
    }

    [Fact]
    public async Task A_period_without_a_version_is_intakes_404_and_is_asked_again_next_time()
    {
        var missing = await Client().InForceAsync(Monthly, "2020-01", Ct);
        var again = await Client().InForceAsync(Monthly, "2020-01", Ct);

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.True(FrameworkClient.IsMissing(missing));
        Assert.Equal("Không tìm thấy khung chỉ số", missing.Problem!.Title);
        Assert.Null(again.Value);
        Assert.Equal(2, Asked($"/api/intake/frameworks/{Monthly}/in-force/2020-01"));
    }

    [Fact]
    public async Task The_choices_name_each_framework_once_by_its_definitions_name_in_intakes_order()
    {
        var choices = await Client().ChoicesAsync(Ct);
        await Client().ChoicesAsync(Ct);

        Assert.Equal(["dti-province-405", "monthly-4585", "nq57-self-2026", "qd2244-annual"], choices.All.Select(c => c.Id));
        Assert.Equal(ShippedDefinitions.Definition(Monthly, "2026-01").Name, choices.Name(Monthly));
        Assert.Equal(("month", "2026-01"), (choices.Find(Monthly)!.PeriodType, choices.Find(Monthly)!.EffectiveFrom));
        Assert.Equal("khung-la", choices.Name("khung-la"));
        Assert.Equal(1, Asked(FrameworkClient.ListPath));
    }

    [Fact]
    public async Task A_newer_version_takes_the_newest_name_and_the_choice_still_starts_at_the_first_version()
    {
        _gateway.Answer(FrameworkClient.ListPath, new[]
        {
            new FrameworkVersionSummary(Monthly, "1", "Tên cũ", "month", "2026-01", "2026-06", null, 100, false),
            new FrameworkVersionSummary(Monthly, "2", "Tên mới", "month", "2026-07", null, null, 100, false),
        });

        var choices = await Client().ChoicesAsync(Ct);

        Assert.Equal(new FrameworkChoice(Monthly, "Tên mới", "month", "2026-01"), Assert.Single(choices.All));
    }

    [Fact]
    public async Task Intake_not_answering_the_list_leaves_no_choices_and_its_problem_for_the_page()
    {
        _gateway.Problem(FrameworkClient.ListPath, HttpStatusCode.BadGateway, "Không kết nối được dịch vụ");

        var choices = await Client().ChoicesAsync(Ct);

        Assert.Empty(choices.All);
        Assert.Equal("Không kết nối được dịch vụ", choices.Problem!.Title);
    }
}
