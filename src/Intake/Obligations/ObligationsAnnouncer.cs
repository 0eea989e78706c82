using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.DataAndMessaging.Database;
using Platform.DataAndMessaging.Outbox;
using Platform.Intake.Assignments;
using Platform.Intake.Calendar;
using Platform.Intake.Data;
using Platform.Intake.Periods;
using Platform.Intake.Units;
using Platform.Scoring;

namespace Platform.Intake.Obligations;

/// <summary>
/// Every <see cref="ObligationsAnnouncerOptions.Interval"/>, and at once when this process changes an assignment
/// (<see cref="ObligationsSignal"/>), recomputes what is owed for every period that has opened and whose deadline has not
/// passed more than <see cref="ObligationsAnnouncerOptions.Lookback"/> ago, and publishes <see cref="ObligationsAnnounced"/>
/// for each (framework, period, level, overseeing unit) whose set is new or changed — an empty set once for one that is
/// owed nothing any more — with the next revision, through the outbox in the same transaction as its
/// <c>announced_obligations</c> row. A round holds a transaction-scoped advisory lock per tenant, so replicas take turns
/// and the second finds every hash already recorded. Cost of a round: one query for the assignments in force, one for
/// the parents of the units reporting on themselves, one for the rows announced; the grouping is in memory. A round whose
/// inputs are those of the last round this process committed (one aggregate query, <see cref="InputsAsync"/>) stops there.
/// </summary>
public sealed partial class ObligationsAnnouncer(
    IServiceScopeFactory scopes,
    IOptions<ObligationsAnnouncerOptions> options,
    IOptions<CalendarRules> rules,
    IOptions<IntakeOptions> intake,
    FrameworkVersions versions,
    ObligationsSignal signal,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<ObligationsAnnouncer> logger) : BackgroundService
{
    private readonly ObligationsAnnouncerOptions _options = options.Value;

    /// <summary>What the last committed round was computed from; a round over the same inputs has nothing new to say.</summary>
    private volatile string? _lastInputs;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await AnnounceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; the next round computes the same sets again.
                LogRoundFailed(logger, ex);
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(Task.Delay(_options.Interval, time, wait.Token), signal.WaitAsync(wait.Token));
            await wait.CancelAsync();
        }
    }

    /// <summary>One round: announces every owed set that is new or changed; returns how many events it queued.</summary>
    public async Task<int> AnnounceAsync(CancellationToken ct)
    {
        var tenant = intake.Value.Tenant;
        var now = time.GetUtcNow();
        var today = time.TodayInVietnam();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<ReportingCalendar>();
        var periods = Periods(calendar, tenant, now);
        if (periods.Count == 0) return 0;
        var frameworks = periods.Select(p => p.FrameworkId).Distinct().ToList();
        var periodIds = periods.Select(p => p.Period).Distinct().ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Replicas queue here; whoever goes second reads the rows the first wrote and finds nothing changed.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresDatabase.AdvisoryKey("obligations:" + tenant)})", ct);
        // Read before the data, so a change committed in between is at worst computed twice, never missed.
        var inputs = await InputsAsync(db, tenant, today, periods, ct);
        if (inputs == _lastInputs) return 0;

        var assignments = await db.Assignments.AsNoTracking().ActiveOn(tenant, today)
            .Where(a => frameworks.Contains(a.FrameworkId))
            .Select(a => new AssignmentInForce(a.FrameworkId, a.ReportingUnit, a.TargetUnit, a.Role, a.InputKeys, a.ValidFrom))
            .ToListAsync(ct);
        var selfReporting = assignments.Where(a => a.ReportingUnit == a.TargetUnit).Select(a => a.ReportingUnit).Distinct().ToList();
        var parents = await db.OrganisationUnits.AsNoTracking().AsOf(tenant, today)
            .Where(u => selfReporting.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.ParentCode, ct);
        var announced = (await db.AnnouncedObligations
                .Where(a => a.Tenant == tenant && frameworks.Contains(a.FrameworkId) && periodIds.Contains(a.Period))
                .ToListAsync(ct))
            .ToDictionary(a => new OwedSetKey(a.FrameworkId, a.Period, a.Level, a.OverseeingUnit));

        var sets = OwedSets.Group(periods, assignments, parents);
        sets.AddRange(NoLongerOwed(periods, announced, sets));
        var count = 0;
        foreach (var set in sets)
        {
            var hash = set.Hash();
            if (announced.TryGetValue(set.Key, out var row) && row.Hash == hash) continue;
            if (row is null)
            {
                row = new AnnouncedObligation(tenant, set.Key.FrameworkId, set.Key.Period, set.Key.Level, set.Key.OverseeingUnit);
                db.AnnouncedObligations.Add(row);
            }
            var revision = row.Announce(hash, now);
            db.EnqueueEvent(new ObligationsAnnounced(tenant, set.Key.FrameworkId, set.FrameworkVersion, set.Key.Period, set.Key.Level,
                set.Key.OverseeingUnit, set.DueAt, revision, set.Reports, now), time);
            count++;
            LogAnnounced(logger, set.Key.FrameworkId, set.Key.Period, set.Key.Level, set.Key.OverseeingUnit, revision, set.Reports.Count);
        }
        // One transaction: every row and its event, or none.
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        _lastInputs = inputs;
        if (count > 0) outbox.Notify();
        return count;
    }

    /// <summary>
    /// A fingerprint of everything a round reads: the periods and their schedules (they move with the clock, the calendar
    /// settings and the framework versions), every assignment's id and version (creating, editing and closing bump them;
    /// "today" decides which are in force) and the number of unit revisions (a unit moving under another parent adds one).
    /// One aggregate query, so an idle round costs almost nothing at any scale.
    /// </summary>
    private static async Task<string> InputsAsync(IntakeDbContext db, string tenant, DateOnly today, List<AnnouncedPeriod> periods, CancellationToken ct)
    {
        var stored = await db.Database.SqlQuery<string>($"""
            SELECT concat(
                (SELECT md5(coalesce(string_agg(a.id::text || ':' || a.version::text, ',' ORDER BY a.id), '')) FROM assignments a WHERE a.tenant = {tenant}),
                ':',
                (SELECT count(*) FROM organisation_units u WHERE u.tenant = {tenant})) AS "Value"
            """).SingleAsync(ct);
        var schedules = periods.SelectMany(p => p.Levels.Select(l => $"{p.FrameworkId}|{p.Period}|{p.FrameworkVersion}|{l.Key}|{l.Value.DueAt.UtcTicks}"));
        return $"{today:yyyy-MM-dd};{stored};{string.Join(';', schedules)}";
    }

    /// <summary>An empty set for every key announced before, still in its window, that owes nothing now (once: its hash then matches).</summary>
    private static IEnumerable<OwedSet> NoLongerOwed(List<AnnouncedPeriod> periods, Dictionary<OwedSetKey, AnnouncedObligation> announced, List<OwedSet> sets)
    {
        var current = sets.Select(s => s.Key).ToHashSet();
        var byPeriod = periods.ToDictionary(p => (p.FrameworkId, p.Period));
        foreach (var key in announced.Keys.Where(k => !current.Contains(k)))
        {
            if (byPeriod.TryGetValue((key.FrameworkId, key.Period), out var period) && period.Levels.TryGetValue(key.Level, out var schedule))
                yield return new OwedSet(key, period.FrameworkVersion, schedule.DueAt, []);
        }
    }

    /// <summary>
    /// Every period of every framework that has opened by <paramref name="now"/> and whose deadline lies after
    /// now − lookback, at each level where that holds, and that a version of the framework is in force for.
    /// </summary>
    private List<AnnouncedPeriod> Periods(ReportingCalendar calendar, string tenant, DateTimeOffset now)
    {
        var from = now - _options.Lookback;
        var catalog = versions.Catalog;
        var frameworks = rules.Value.Frameworks.Keys
            .Concat(rules.Value.Tenants.TryGetValue(tenant, out var own) ? own.Keys : [])
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var periods = new List<AnnouncedPeriod>();
        foreach (var framework in frameworks)
        {
            if (rules.Value.For(framework, tenant) is not { } rule) continue;
            foreach (var period in PeriodCloser.Candidates(rule, from, now))
            {
                if (catalog.Find(framework, null, period) is not { } definition) continue;
                var levels = new Dictionary<string, PeriodSchedule>(StringComparer.Ordinal);
                foreach (var level in ReportingLevels.All)
                {
                    if (Schedule(calendar, framework, period, level, tenant) is { } s && s.OpensAt <= now && s.DueAt > from)
                        levels[level] = s;
                }
                if (levels.Count > 0)
                    periods.Add(new AnnouncedPeriod(framework, period, definition.Version, levels.Values.First().DataTo, levels));
            }
        }
        return periods;
    }

    /// <summary>The schedule at <paramref name="level"/>, or the agencies' one when the framework has no deadline for that level (as "what do I owe" reads it).</summary>
    private static PeriodSchedule? Schedule(ReportingCalendar calendar, string framework, string period, string level, string tenant)
    {
        var found = calendar.Find(framework, period, level, tenant);
        if (!found.IsFound) found = calendar.Find(framework, period, ReportingLevels.AgencyToProvince, tenant);
        return found.Schedule;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Obligations of {FrameworkId}/{Period} at level {Level} under {OverseeingUnit}: revision {Revision}, {Reports} report(s); ObligationsAnnounced queued")]
    private static partial void LogAnnounced(ILogger logger, string frameworkId, string period, string level, string overseeingUnit, int revision, int reports);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Obligations announcer round failed; retrying next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
