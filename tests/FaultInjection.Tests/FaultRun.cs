using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Platform.FaultInjection.Tests;

/// <summary>
/// The whole run, once per test class: the platform started (<see cref="FaultedPlatform"/>), the load with its five
/// faults (<see cref="LoadRun"/>), then — once the outboxes are drained and every approval consumed, or a bounded wait is
/// over — what the databases hold (<see cref="Verification"/>) and the score runs compared (<see cref="ScoreComparison"/>).
/// The report goes to the test output and to <c>fault-injection-report.txt</c> next to the test assembly.
/// <para>
/// Size: <c>PLATFORM_FAULTS_SUBMISSIONS</c> (default 600; the full run is 10,000), clients in parallel:
/// <c>PLATFORM_FAULTS_CONCURRENCY</c> (default 8).
/// </para>
/// </summary>
public sealed class FaultRun : IAsyncLifetime
{
    public static readonly IReadOnlyList<string> Periods = [.. Enumerable.Range(1, 10).Select(m => $"2026-{m:00}")];
    private static readonly TimeSpan DrainWait = TimeSpan.FromMinutes(5);

    private FaultedPlatform? _platform;

    /// <summary>The platform the run faulted (still up while the class's tests run).</summary>
    public FaultedPlatform Platform => _platform ?? throw new InvalidOperationException("The run has not started.");

    public int Submissions { get; } = Setting("PLATFORM_FAULTS_SUBMISSIONS", 600);
    public int Concurrency { get; } = Setting("PLATFORM_FAULTS_CONCURRENCY", 8);
    public LoadRun Load { get; private set; } = null!;
    public Verification Verified { get; private set; } = null!;
    public ScoreComparison.Result Scores { get; private set; } = null!;
    public int StuckOutboxRows { get; private set; }
    public int UnconsumedApprovals { get; private set; }
    public TimeSpan Drained { get; private set; }
    public TimeSpan Total { get; private set; }
    public string Report { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "logs"));
        File.Delete(Path.Combine(AppContext.BaseDirectory, "logs", "progress.log"));
        // The twelve agencies of two provinces report every period; of the rest a fifth comes through people's browsers.
        var agencies = 12 * Periods.Count;
        var rest = Math.Max(0, Submissions - agencies);
        var webCommunes = Math.Max(1, (int)Math.Round(rest * 0.2 / Periods.Count));
        var machineCommunes = Math.Max(1, (rest - webCommunes * Periods.Count + Periods.Count - 1) / Periods.Count);
        _platform = await FaultedPlatform.StartAsync(webCommunes, machineCommunes);
        var started = clock.Elapsed;
        LoadRun.Progress($"platform started in {started.TotalSeconds:0} s: {Submissions} submissions by {Concurrency} clients");

        Load = new LoadRun(_platform, LoadRun.Plan(Submissions, Periods, webCommunes, machineCommunes), Concurrency);
        await Load.RunAsync();

        LoadRun.Progress($"load done in {Load.Elapsed.TotalSeconds:0} s");
        var drain = Stopwatch.StartNew();
        StuckOutboxRows = await WaitForAsync(() => Verification.PendingOutboxAsync(_platform));
        UnconsumedApprovals = await WaitForAsync(() => Verification.UnconsumedApprovalsAsync(_platform));
        Drained = drain.Elapsed;
        LoadRun.Progress($"drained in {Drained.TotalSeconds:0} s: {StuckOutboxRows} outbox rows pending, {UnconsumedApprovals} approvals not consumed");
        Verified = await Verification.RunAsync(_platform, Load.Outcomes);
        Verified.StuckOutboxRows = StuckOutboxRows;
        try
        {
            Scores = await ScoreComparison.RunAsync(_platform, Periods);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException or TimeoutException)
        {
            // Told in the report and by the score test; the other figures stand.
            Scores = new ScoreComparison.Result(Periods.Count, 0, ["the comparison did not finish: " + ex.Message]);
        }
        Total = clock.Elapsed;
        Report = Write(started);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fault-injection-report.txt"), Report);
        Console.WriteLine(Report);
    }

    /// <summary>Polls until the count is 0 or <see cref="DrainWait"/> is over; returns the last count (0 = drained).</summary>
    private static async Task<int> WaitForAsync(Func<Task<int>> count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = await count();
            if (left == 0 || clock.Elapsed > DrainWait) return left;
            await Task.Delay(250);
        }
    }

    private string Write(TimeSpan started)
    {
        var o = Load.Outcomes;
        var machine = o.Count(x => x.Job.Machine);
        var v = Verified;
        var report = new StringBuilder();
        report.AppendLine("Fault injection under load (tests/FaultInjection.Tests)");
        report.AppendLine(CultureInfo.InvariantCulture, $"  load held: {o.Count:N0} submissions offered ({machine:N0} machine API with idempotency keys, {o.Count - machine:N0} web with a session cookie) by {Concurrency} clients through the gateway, {Periods.Count} periods");
        report.AppendLine(CultureInfo.InvariantCulture, $"             accepted {v.Accepted:N0} ({v.AcceptedAfterRetry:N0} of them only after a lost answer), refused {v.Refused:N0}; {v.Retries:N0} requests tried again; {Load.SignIns:N0} sign-ins");
        report.AppendLine(CultureInfo.InvariantCulture, $"             {o.Count / Load.Elapsed.TotalSeconds:0.0} submissions/s over {Load.Elapsed.TotalSeconds:0} s (platform start {started.TotalSeconds:0} s)");
        report.AppendLine(CultureInfo.InvariantCulture, $"  approvals: {v.Approvals:N0} approved by reviewers ({v.ApprovalsRefused:N0} refused), {v.ApprovalsReachedScoringOnce:N0} reached monthly scoring exactly once, {v.ApprovalsLostOnTheWay:N0} lost on the way, {v.ApprovalsDuplicated:N0} twice");
        report.AppendLine(CultureInfo.InvariantCulture, $"  faults injected (SIGKILL, 2 s down, restarted) and survived: {Load.Faults.Count} of {LoadRun.Targets.Length}");
        foreach (var f in Load.Faults)
            report.AppendLine(CultureInfo.InvariantCulture, $"    {f.Target,-16} at {f.At.TotalSeconds,6:0.0} s, {f.AnsweredBefore,6:N0} submissions answered before, platform healthy again after {f.BackAfter.TotalSeconds:0.0} s");
        report.AppendLine(CultureInfo.InvariantCulture, $"  lost: {v.Lost}   duplicated: {v.Duplicated}   altered: {v.Altered}   stored though the client gave up: {v.StoredThoughRefused}");
        report.AppendLine(CultureInfo.InvariantCulture, $"  stuck outbox rows: {StuckOutboxRows} (intake + monthly scoring; drained and consumed {Drained.TotalSeconds:0.0} s after the load); approvals not consumed: {UnconsumedApprovals}");
        report.AppendLine(CultureInfo.InvariantCulture, $"  score run equal to a fault-free run over the same data: {Scores.Equal} of {Scores.Periods} periods (provinces; {Scores.ReportedUnits} province-months scored as reported)");
        report.AppendLine(CultureInfo.InvariantCulture, $"  duration: {Total.TotalSeconds:0} s in all");
        foreach (var problem in v.Problems.Take(20)) report.AppendLine("  ! " + problem);
        foreach (var difference in Scores.Differences.Take(5)) report.AppendLine("  ! " + (difference.Length > 600 ? difference[..600] + "…" : difference));
        return report.ToString();
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    public async ValueTask DisposeAsync()
    {
        if (_platform is not null) await _platform.DisposeAsync();
    }
}
