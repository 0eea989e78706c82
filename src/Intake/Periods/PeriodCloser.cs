using Platform.ServiceDefaults.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Contracts;
using Platform.Intake.Calendar;
using Platform.Intake.Data;
using Platform.Scoring;
using Platform.DataAndMessaging.Outbox;

namespace Platform.Intake.Periods;

/// <summary>
/// Every <see cref="PeriodCloserOptions.Interval"/>, records each period whose deadline has passed (within
/// <see cref="PeriodCloserOptions.Lookback"/>) at each level, and publishes <see cref="PeriodClosed"/> for it through
/// the outbox in the same save. The <c>closed_periods</c> primary key makes that happen once per tenant, framework,
/// period and level, however many replicas run. Closing is final: a reopening lets a unit submit late, it does
/// not reopen the period for scoring.
/// </summary>
public sealed partial class PeriodCloser(
    IServiceScopeFactory scopes,
    IOptions<PeriodCloserOptions> options,
    IOptions<CalendarRules> rules,
    IOptions<IntakeOptions> intake,
    FrameworkVersions versions,
    TimeProvider time,
    ILogger<PeriodCloser> logger) : BackgroundService
{
    private readonly PeriodCloserOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CloseDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; the next round finds the same periods still open.
                LogRoundFailed(logger, ex);
            }
            await Task.Delay(_options.Interval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass: closes every period due by now and not closed yet; returns how many this pass closed.</summary>
    public async Task<int> CloseDueAsync(CancellationToken ct)
    {
        var tenant = intake.Value.Tenant;
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<ReportingCalendar>();

        var due = Due(calendar, tenant, now);
        if (due.Count == 0) return 0;
        var periods = due.Select(s => s.Period).Distinct().ToList();
        var closed = (await db.ClosedPeriods.AsNoTracking()
                .Where(c => c.Tenant == tenant && periods.Contains(c.Period))
                .Select(c => new { c.FrameworkId, c.Period, c.Level })
                .ToListAsync(ct))
            .Select(c => (c.FrameworkId, c.Period, c.Level))
            .ToHashSet();

        var count = 0;
        foreach (var schedule in due.Where(s => !closed.Contains((s.FrameworkId, s.Period, s.Level))))
        {
            var version = versions.Catalog.Find(schedule.FrameworkId, null, schedule.Period)!.Version;
            db.ClosedPeriods.Add(new ClosedPeriod(tenant, schedule.FrameworkId, schedule.Period, schedule.Level, now));
            db.EnqueueEvent(new PeriodClosed(tenant, schedule.FrameworkId, version, schedule.Period, schedule.Level, schedule.DueAt, now), time);
            try
            {
                // One save: the row and the event, or neither.
                await db.SaveChangesAsync(ct);
                count++;
                LogClosed(logger, schedule.FrameworkId, schedule.Period, schedule.Level);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another replica closed it between our read and our write; its event is the one.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return count;
    }

    /// <summary>Schedules of every framework and level whose deadline lies in (now − lookback, now].</summary>
    private List<PeriodSchedule> Due(ReportingCalendar calendar, string tenant, DateTimeOffset now)
    {
        var from = now - _options.Lookback;
        var frameworks = rules.Value.Frameworks.Keys
            .Concat(rules.Value.Tenants.TryGetValue(tenant, out var own) ? own.Keys : [])
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var due = new List<PeriodSchedule>();
        foreach (var framework in frameworks)
        {
            if (rules.Value.For(framework, tenant) is not { } rule) continue;
            foreach (var period in Candidates(rule, from, now))
            {
                foreach (var level in ReportingLevels.All)
                {
                    // A period no version of the framework is in force for (before it took effect) is not a reporting period.
                    if (calendar.Find(framework, period, level, tenant) is { IsFound: true, Schedule: var s } && s.DueAt > from && s.DueAt <= now
                        && versions.Catalog.Find(framework, null, period) is not null)
                        due.Add(s);
                }
            }
        }
        return due;
    }

    /// <summary>
    /// Periods that can be due between <paramref name="from"/> and <paramref name="now"/>: a month is due in the
    /// month after it, a year in the year after it, so start one step before <paramref name="from"/>.
    /// </summary>
    internal static IEnumerable<string> Candidates(FrameworkCalendar rule, DateTimeOffset from, DateTimeOffset now)
    {
        var first = VietnamTime.ToVietnam(from);
        var last = VietnamTime.ToVietnam(now);
        switch (rule.PeriodType)
        {
            case "month":
                for (var m = new DateOnly(first.Year, first.Month, 1).AddMonths(-1); m <= DateOnly.FromDateTime(last.DateTime); m = m.AddMonths(1))
                    yield return $"{m.Year:D4}-{m.Month:D2}";
                break;
            case "year":
                for (var y = first.Year - 1; y <= last.Year; y++) yield return $"{y:D4}";
                break;
            case "window":
                foreach (var id in rule.Windows.Keys) yield return id;
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Period {FrameworkId}/{Period} closed at level {Level}; PeriodClosed queued")]
    private static partial void LogClosed(ILogger logger, string frameworkId, string period, string level);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Period closer round failed; retrying next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
