using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Platform.FaultInjection.Tests;

/// <summary>
/// One submission the load hands in: through the machine API (<see cref="Machine"/>) or a person's browser, for a
/// target unit and period, with values that name it (<c>C1.records</c>, <c>C2.transactions</c> carry its index), and
/// whether a reviewer then approves it.
/// </summary>
public sealed record Job(int Index, bool Machine, string Reporter, string ReportingUnit, string Target, string Period,
    IReadOnlyDictionary<string, object> Values, string? Reviewer)
{
    public string Key => $"{ReportingUnit}|{Target}|{Period}";
}

/// <summary>What the client of one job saw.</summary>
public sealed class Outcome(Job job)
{
    public Job Job { get; } = job;
    public bool Accepted { get; set; }
    /// <summary>Accepted only on a try after one whose answer was lost (replayed by the idempotency key, or found submitted).</summary>
    public bool AcceptedAfterRetry { get; set; }
    public Guid? Id { get; set; }
    public int Retries { get; set; }
    public string? Failure { get; set; }
    public bool Approved { get; set; }
    public int ApprovalRetries { get; set; }
    public string? ApprovalFailure { get; set; }
}

/// <summary>A fault injected: what was killed, when (how many submissions were answered by then), how long until it answered again.</summary>
public sealed record Fault(string Target, int AnsweredBefore, TimeSpan At, TimeSpan BackAfter);

/// <summary>
/// The load: <see cref="Concurrency"/> clients working through the jobs, each trying again as a real client does (the
/// same idempotency key on the machine API; a person looks the draft up and hands it in when an answer was lost). The
/// faults are injected in order while the load runs: before the answered submissions pass the next fault's share of the
/// load, the clients wait for that fault to be injected, so every fault strikes with requests in flight.
/// </summary>
public sealed class LoadRun(FaultedPlatform platform, IReadOnlyList<Job> jobs, int concurrency)
{
    public const string Framework = "monthly-4585";
    private readonly ConcurrentDictionary<string, Person> _people = new();
    private readonly Outcome[] _outcomes = [.. jobs.Select(j => new Outcome(j))];
    private readonly List<Fault> _faults = [];
    private int _answered;
    private int _faultsInjected;

    public int Concurrency => concurrency;
    public IReadOnlyList<Outcome> Outcomes => _outcomes;
    public IReadOnlyList<Fault> Faults => _faults;
    public TimeSpan Elapsed { get; private set; }
    public int SignIns => _people.Values.Sum(p => p.SignIns);

    /// <summary>The five faults, in order.</summary>
    public static readonly string[] Targets = ["intake", "monthly-scoring", "gateway", "rabbitmq", "postgresql"];

    public async Task RunAsync()
    {
        using var machine = new MachineClient(platform.GatewayUrl, platform.IdentityUrl);
        var clock = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < _outcomes.Length)
            {
                // The next fault strikes while this job and the ones in flight are being answered.
                while (Volatile.Read(ref _faultsInjected) < Targets.Length && i >= Gate(Volatile.Read(ref _faultsInjected)))
                    await Task.Delay(50);
                var outcome = _outcomes[i];
                if (outcome.Job.Machine) await SubmitByMachineAsync(machine, outcome);
                else await SubmitOnTheWebAsync(outcome);
                if (outcome.Accepted && outcome.Job.Reviewer is not null) await ApproveAsync(outcome);
                var answered = Interlocked.Increment(ref _answered);
                if (answered % 100 == 0) Progress($"{answered} answered, {Volatile.Read(ref _faultsInjected)} faults injected");
            }
        })).ToList();
        var injector = Task.Run(() => InjectFaultsAsync(clock));
        await Task.WhenAll(workers);
        await injector;
        Elapsed = clock.Elapsed;
        foreach (var person in _people.Values) person.Dispose();
    }

    /// <summary>Fault k is injected once the clients reach job (k + 1) / 7 of the load: the five spread over its first five sevenths.</summary>
    private int Gate(int fault) => (fault + 1) * _outcomes.Length / (Targets.Length + 2);

    private async Task InjectFaultsAsync(Stopwatch clock)
    {
        var down = TimeSpan.FromSeconds(2);
        for (var k = 0; k < Targets.Length; k++)
        {
            // Wait until the clients are at the gate (the jobs before it taken), with requests of the last ones in flight.
            while (Volatile.Read(ref _answered) < Gate(k) - concurrency) await Task.Delay(50);
            var at = clock.Elapsed;
            var answered = Volatile.Read(ref _answered);
            var target = Targets[k];
            Func<Task> restart;
            switch (target)
            {
                case "intake":
                    await platform.Intake.KillAsync();
                    restart = () => { platform.Intake.Start(); return Task.CompletedTask; };
                    break;
                case "monthly-scoring":
                    await platform.MonthlyScoring.KillAsync();
                    restart = () => { platform.MonthlyScoring.Start(); return Task.CompletedTask; };
                    break;
                case "gateway":
                    await platform.Gateway.KillAsync();
                    restart = () => { platform.Gateway.Start(); return Task.CompletedTask; };
                    break;
                case "rabbitmq":
                    await platform.Broker.KillAsync();
                    restart = () => platform.Broker.RestartAsync();
                    break;
                default:
                    await platform.Postgres.KillAsync();
                    restart = platform.RestartPostgresAsync;
                    break;
            }
            // The clients go on while it is down: their requests meet the outage.
            Volatile.Write(ref _faultsInjected, k + 1);
            await Task.Delay(down);
            await restart();
            // Back: every process healthy again (each checks its database and the broker).
            foreach (var process in new[] { platform.Intake, platform.MonthlyScoring, platform.Gateway }) await process.WaitHealthyAsync();
            lock (_faults) _faults.Add(new Fault(target, answered, at, clock.Elapsed - at));
            Progress($"{target} killed at {at.TotalSeconds:0.0} s, healthy again after {(clock.Elapsed - at).TotalSeconds:0.0} s");
        }
    }

    private async Task SubmitByMachineAsync(MachineClient machine, Outcome outcome)
    {
        var job = outcome.Job;
        var body = new { framework = Framework, period = job.Period, targetUnit = job.Target, values = job.Values, submit = true };
        var clock = Stopwatch.StartNew();
        var renew = false;
        for (var attempt = 0; ; attempt++)
        {
            var answer = await machine.PushAsync(body, $"fault-run-{job.Index}", renew);
            renew = false;
            if (answer.Ok)
            {
                outcome.Accepted = true;
                outcome.AcceptedAfterRetry = attempt > 0;
                outcome.Id = answer.Json.GetProperty("id").GetGuid();
                return;
            }
            if (answer.Status == 401) renew = true;
            else if (!answer.Transient)
            {
                outcome.Failure = answer.ToString();
                return;
            }
            outcome.Retries++;
            if (clock.Elapsed > Backoff.Patience)
            {
                outcome.Failure = "gave up: " + answer;
                return;
            }
            await Backoff.WaitAsync(attempt);
        }
    }

    /// <summary>A line in <c>logs/progress.log</c> (next to the test assembly), to follow a long run.</summary>
    public static void Progress(string line)
    {
        lock (Targets) File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "logs", "progress.log"), $"{DateTimeOffset.UtcNow:HH:mm:ss} {line}\n");
    }

    private Person PersonFor(string username) => _people.GetOrAdd(username, u => new Person(platform.GatewayUrl, u));

    /// <summary>
    /// Saves the draft, then hands it in. When an answer was lost the person looks at what is there: a draft that
    /// exists already (the save went through: 428, as it now needs If-Match) is looked up by period and units; a hand-in
    /// refused after a lost answer is fine when the submission is submitted.
    /// </summary>
    private async Task SubmitOnTheWebAsync(Outcome outcome)
    {
        var job = outcome.Job;
        var person = PersonFor(job.Reporter);
        var clock = Stopwatch.StartNew();
        Guid? id = null;
        var lostAnswer = false;
        for (var attempt = 0; ; attempt++)
        {
            if (clock.Elapsed > Backoff.Patience)
            {
                outcome.Failure = "gave up";
                return;
            }
            if (attempt > 0) await Backoff.WaitAsync(attempt);
            if (id is null)
            {
                var saved = await person.CallAsync(HttpMethod.Put, $"/api/intake/submissions/{Framework}/{job.Period}/{job.Target}", new { values = job.Values });
                if (saved.Ok) id = saved.Json.GetProperty("id").GetGuid();
                else if (saved.Status is 428 or 412 or 409 && lostAnswer) id = await LookUpAsync(person, job);
                else if (saved.Transient)
                {
                    lostAnswer = true;
                    outcome.Retries++;
                    continue;
                }
                else
                {
                    outcome.Failure = "save: " + saved;
                    return;
                }
                if (id is null)
                {
                    outcome.Retries++;
                    continue;
                }
            }
            var submitted = await person.CallAsync(HttpMethod.Post, $"/api/intake/submissions/{id}/submit");
            if (submitted.Ok)
            {
                (outcome.Accepted, outcome.AcceptedAfterRetry, outcome.Id) = (true, lostAnswer, id);
                return;
            }
            if (submitted.Transient)
            {
                lostAnswer = true;
                outcome.Retries++;
                continue;
            }
            if (lostAnswer && await StateAsync(person, id.Value) is "submitted" or "approved")
            {
                (outcome.Accepted, outcome.AcceptedAfterRetry, outcome.Id) = (true, true, id);
                return;
            }
            outcome.Failure = "submit: " + submitted;
            return;
        }
    }

    private async Task ApproveAsync(Outcome outcome)
    {
        var person = PersonFor(outcome.Job.Reviewer!);
        var clock = Stopwatch.StartNew();
        var lostAnswer = false;
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0) await Backoff.WaitAsync(attempt);
            var approved = await person.CallAsync(HttpMethod.Post, $"/api/intake/submissions/{outcome.Id}/approve");
            if (approved.Ok)
            {
                outcome.Approved = true;
                return;
            }
            if (approved.Transient && clock.Elapsed < Backoff.Patience)
            {
                lostAnswer = true;
                outcome.ApprovalRetries++;
                continue;
            }
            if (lostAnswer && await StateAsync(person, outcome.Id!.Value) == "approved")
            {
                outcome.Approved = true;
                return;
            }
            outcome.ApprovalFailure = approved.ToString();
            return;
        }
    }

    private static async Task<Guid?> LookUpAsync(Person person, Job job)
    {
        var found = await person.CallAsync(HttpMethod.Get,
            $"/api/intake/submissions?framework={Framework}&period={job.Period}&reportingUnit={job.ReportingUnit}&targetUnit={job.Target}");
        if (!found.Ok) return null;
        var items = found.Json.GetProperty("items");
        return items.GetArrayLength() == 1 ? items[0].GetProperty("id").GetGuid() : null;
    }

    private static async Task<string?> StateAsync(Person person, Guid id)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var read = await person.CallAsync(HttpMethod.Get, $"/api/intake/submissions/{id}");
            if (read.Ok) return read.Json.GetProperty("state").GetString();
            if (!read.Transient) return null;
            await Backoff.WaitAsync(attempt);
        }
        return null;
    }

    /// <summary>
    /// The jobs for <paramref name="submissions"/> submissions over <paramref name="periods"/>, mixed in a fixed order:
    /// the twelve agencies of Lào Cai and Thanh Hóa report their province's inputs every period (web; every one approved by
    /// the province's reviewer: these are what the provinces are scored on); the web communes report for themselves
    /// (web; every fourth approved); the machine client reports for the machine communes (every fourth approved).
    /// </summary>
    public static IReadOnlyList<Job> Plan(int submissions, IReadOnlyList<string> periods, int webCommunes, int machineCommunes)
    {
        var jobs = new List<Job>();
        var p = 0;
        foreach (var period in periods)
        {
            foreach (var province in (string[])["lao-cai", "thanh-hoa"])
                foreach (var (agency, keys) in Agencies)
                {
                    var values = ProvinceValues(province, p, jobs.Count);
                    jobs.Add(new Job(jobs.Count, false, $"{province}.{agency}.reporter", $"{province}.{agency}", province, period,
                        keys.ToDictionary(k => k, k => values[k]), $"{province}.reviewer"));
                }
            p++;
        }
        foreach (var period in periods)
            for (var c = 1; c <= webCommunes; c++)
            {
                var unit = FaultedPlatform.WebCommune(c);
                jobs.Add(new Job(jobs.Count, false, unit + ".reporter", unit, unit, period, CommuneValues(jobs.Count),
                    jobs.Count % 4 == 0 ? "lao-cai.reviewer" : null));
            }
        foreach (var period in periods)
            for (var c = 1; c <= machineCommunes; c++)
            {
                var unit = FaultedPlatform.MachineCommune(c);
                jobs.Add(new Job(jobs.Count, true, FaultedPlatform.MachineClient, "lao-cai", unit, period, CommuneValues(jobs.Count),
                    jobs.Count % 4 == 0 ? "lao-cai.reviewer" : null));
            }
        var random = new Random(20);
        var mixed = jobs.Take(submissions).OrderBy(_ => random.Next()).ToList();
        return [.. mixed.Select((j, i) => j with { Index = i })];
    }

    private static readonly (string Agency, string[] Keys)[] Agencies =
    [
        ("so-khcn", ["A.due", "A.backlog", "A.onTime", "A.late", "D1.accepted", "D1.total", "E3.onTime", "E3.completion"]),
        ("tt-pvhcc", ["B.B1", "B.B2", "B.B3", "B.B4", "B.B5"]),
        ("cong-an", ["C1.records"]),
        ("tt-cntt", ["C2.transactions"]),
        ("so-tc", ["D2.rate"]),
        ("vp-ubnd", ["E1.attended", "E1.held", "E2.speeches", "E2.reports"]),
    ];

    /// <summary>A province's month: different per province and period, so a value landing in the wrong month or unit changes a score.</summary>
    private static Dictionary<string, object> ProvinceValues(string province, int period, int index)
    {
        var k = province == "lao-cai" ? 1 : 2;
        return new Dictionary<string, object>
        {
            ["A.due"] = 10 * k + period, ["A.backlog"] = 0, ["A.onTime"] = 8 * k, ["A.late"] = 1,
            ["B.B1"] = 18 - period, ["B.B2"] = 20, ["B.B3"] = 22 - k, ["B.B4"] = 18, ["B.B5"] = 22,
            ["C1.records"] = 100 * k + period * 7, ["C2.transactions"] = 50 * (3 - k) + period, ["D1.accepted"] = 5 - k + period % 3, ["D1.total"] = 10,
            ["D2.rate"] = decimal.Parse($"0.{3 + k + period % 4}", CultureInfo.InvariantCulture),
            ["E1.attended"] = k, ["E1.held"] = 2, ["E2.speeches"] = period % 2, ["E2.reports"] = 1, ["E3.onTime"] = k == 1, ["E3.completion"] = k == 1 ? 1 : 0.5m,
        };
    }

    /// <summary>A commune's 20 values (bench/IntakeThroughput's), two of them carrying the job's index.</summary>
    private static Dictionary<string, object> CommuneValues(int index) => new()
    {
        ["A.due"] = 10, ["A.backlog"] = 2, ["A.onTime"] = 8, ["A.late"] = 1,
        ["B.B1"] = 15, ["B.B2"] = 18, ["B.B3"] = 20, ["B.B4"] = 16, ["B.B5"] = 21,
        ["C1.records"] = 1_000_000 + index, ["C2.transactions"] = 2_000_000 + index,
        ["D1.accepted"] = 3, ["D1.total"] = 5, ["D2.rate"] = 0.85m,
        ["E1.attended"] = 4, ["E1.held"] = 5, ["E2.speeches"] = 2, ["E2.reports"] = 2,
        ["E3.onTime"] = true, ["E3.completion"] = 0.9m,
    };

    public static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDecimal().ToString("G29", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    public static string Canonical(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString("G29", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
