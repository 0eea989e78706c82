using Aspire.Hosting.Testing;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Platform.EndToEnd.Tests.CrossProvince.ProvincesBehindGateway;

namespace Platform.EndToEnd.Tests.CrossProvince;

/// <summary>
/// The probes generated from the services' OpenAPI documents: every operation of the five services, for every caller of
/// Lào Cai (each role of its demo users and its source system), filled with Thanh Hóa's ids, unit codes and, in bodies,
/// its codes and ids. <c>PLATFORM_PROBES_WIDE=1</c> takes every Thanh Hóa unit and every Lào Cai demo user instead.
/// </summary>
public sealed partial class CrossProvinceProbeTests
{
    private static readonly string[] Services = ["intake", "monthly-scoring", "dx-index", "notifications", "reporting"];

    /// <summary>Lào Cai's people: every role its demo users hold (docs/security.md), at the province, an agency and a commune.</summary>
    private static readonly string[] LaoCaiPeople =
    [
        "lao-cai.reporter", "lao-cai.reviewer", "lao-cai.leader", "lao-cai.bonus-approver",
        "lao-cai.so-khcn.reporter", "lao-cai.so-khcn.leader", "lao-cai.xa-mau-01.reporter",
    ];

    private static readonly string[] MoreLaoCaiPeople =
    [
        "lao-cai.xa-mau-01.leader", "lao-cai.tt-pvhcc.reporter", "lao-cai.tt-pvhcc.leader", "lao-cai.cong-an.reporter", "lao-cai.cong-an.leader",
        "lao-cai.tt-cntt.reporter", "lao-cai.tt-cntt.leader", "lao-cai.so-tc.reporter", "lao-cai.so-tc.leader", "lao-cai.vp-ubnd.reporter", "lao-cai.vp-ubnd.leader",
    ];

    private static bool Wide => Environment.GetEnvironmentVariable("PLATFORM_PROBES_WIDE") is "1" or "true";

    /// <summary>
    /// What anyone may read by design (docs/security.md: "Anonymous callers may read published results only"): the
    /// published results, rankings and DTI under <c>/public/</c>. Their answers may name Thanh Hóa once it is published.
    /// </summary>
    private static bool PublicByDesign(Operation operation) => operation.Template.Contains("/public/", StringComparison.Ordinal);

    [Fact]
    public async Task Generated_probes_for_every_route_and_every_Lao_Cai_role_get_404_for_Thanh_Hoa_see_nothing_of_it_and_write_nothing()
    {
        var values = new ProbeValues(ThanhHoa, platform.Run, Period, DtiYear, Wide);
        var documents = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        using (var http = new HttpClient())
            foreach (var service in Services)
                documents[service] = JsonNode.Parse(await http.GetStringAsync(new Uri(platform.Platform.App.GetEndpoint(service, "http"), "/openapi/v1.json"),
                    TestContext.Current.CancellationToken))!;
        if (Environment.GetEnvironmentVariable("PLATFORM_PROBES_REPORT") is { Length: > 0 } dump)
            foreach (var (service, document) in documents) File.WriteAllText($"{dump}.{service}.json", document.ToJsonString());
        var probes = Services.SelectMany(s => ProbeGenerator.Operations(s, documents[s]).SelectMany(o => ProbeGenerator.Probes(o, documents[s], values))).ToList();
        var operations = probes.Select(p => p.Operation).Distinct().Count();

        var callers = new List<Caller>();
        try
        {
            foreach (var person in Wide ? [.. LaoCaiPeople, .. MoreLaoCaiPeople] : LaoCaiPeople)
                callers.Add(new Caller(person, platform.Platform.GatewayUrl, await platform.SignInAsync(person), null));
            callers.Add(new Caller("he-thong-57 (machine)", platform.Platform.GatewayUrl, null, await platform.MachineClientAsync()));

            string[] markers = [.. ThanhHoaTexts, "Thanh H\\u00f3a"];
            var before = await SettledSnapshotAsync(markers);
            var started = DateTimeOffset.UtcNow;
            // Each caller sends its probes one after another; the callers run side by side.
            var results = await Task.WhenAll(callers.Select(c => SendAllAsync(c, probes)));
            var elapsed = DateTimeOffset.UtcNow - started;
            var after = await DatabaseSnapshot.TakeAsync(platform.Platform, markers);

            var answers = results.SelectMany(r => r).ToList();
            var failures = Disclosures(answers);
            var leaks = Leaks(answers);
            var writes = DatabaseSnapshot.Changes(before, after, MayAdd);

            Report(answers, callers, operations, leaks.Count, writes.Count, elapsed, failures.Count);
            var growth = "Rows added in any scope: " + string.Join(", ", DatabaseSnapshot.Growth(before, after).Select(g => $"{g.Table} +{g.Added}"));
            TestContext.Current.TestOutputHelper?.WriteLine(growth);
            if (Environment.GetEnvironmentVariable("PLATFORM_PROBES_REPORT") is { Length: > 0 } report)
                File.AppendAllLines(report, [growth, .. leaks, .. failures, .. writes]);
            Assert.True(answers.Count >= 1000, $"only {answers.Count} probes");
            Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n{string.Join('\n', leaks)}");
            Assert.True(failures.Count == 0, $"{failures.Count} answers that tell Thanh Hóa's records exist:\n{string.Join('\n', failures)}");
            Assert.True(writes.Count == 0, $"written in Thanh Hóa's scope:\n{string.Join('\n', writes)}");
        }
        finally
        {
            foreach (var caller in callers) caller.Dispose();
        }
    }

    /// <summary>
    /// Tables where a Lào Cai caller creates, by design, a row that names Thanh Hóa: a provisional run is scored over the
    /// whole peer group (34 provinces) by any reviewer or leader (docs/security.md, monthly-scoring row), and its rows hold
    /// every province's result; what Lào Cai reads of it is filtered to Lào Cai (checked above). Nothing of Thanh Hóa's
    /// changes, and no event is published (the outboxes are among the tables checked).
    /// </summary>
    private static readonly HashSet<string> MayAdd = ["monthlyscoringdb:public.score_runs"];

    /// <summary>
    /// Answers that tell Lào Cai something of Thanh Hóa exists: a success for its id in the path, or any answer but 404
    /// that differs from the ghost's (the same request naming nothing that exists). 403 before any lookup is fine: the
    /// ghost gets it too.
    /// </summary>
    private static List<string> Disclosures(IEnumerable<Sent> answers)
    {
        var failures = new List<string>();
        foreach (var (caller, probe, foreign, ghost) in answers)
        {
            var status = (int)foreign.Status;
            if (foreign.Status == HttpStatusCode.NotFound || PublicByDesign(probe.Operation)) continue;
            if (status is >= 200 and < 300 && probe.ForeignInPath)
                failures.Add($"{caller}: {probe.Foreign} → {status} for Thanh Hóa's id (its ghost → {(int?)ghost?.Status}): {Clip(foreign.Body)}");
            else if (ghost is not null && ghost.Status != foreign.Status)
                failures.Add($"{caller}: {probe.Foreign} → {status}, but {(int)ghost.Status} when nothing of that name exists: {Clip(foreign.Body)}");
        }
        return failures;
    }

    private List<string> Leaks(IEnumerable<Sent> answers) =>
    [
        .. Probes.Leaks([.. answers.Where(a => !PublicByDesign(a.Probe.Operation)).SelectMany(a => a.Ghost is null ? [a.Foreign] : new[] { a.Foreign, a.Ghost })],
            ThanhHoaTexts, ThanhHoaNumbers).Select(l => Clip(l, 600)),
    ];

    [Fact]
    public async Task The_generated_checks_catch_Thanh_Hoa_reading_its_own_records_and_writing_them()
    {
        // The control: Thanh Hóa's reviewer sends the generated probes of a few routes; its own records answer 200 where
        // their ghosts answer 404, and their bodies hold its markers. Then it changes its own action plan between two
        // snapshots of the databases.
        var values = new ProbeValues(ThanhHoa, platform.Run, Period, DtiYear, wide: false);
        JsonNode intake, dx;
        using (var http = new HttpClient())
        {
            intake = JsonNode.Parse(await http.GetStringAsync(new Uri(platform.Platform.App.GetEndpoint("intake", "http"), "/openapi/v1.json"), TestContext.Current.CancellationToken))!;
            dx = JsonNode.Parse(await http.GetStringAsync(new Uri(platform.Platform.App.GetEndpoint("dx-index", "http"), "/openapi/v1.json"), TestContext.Current.CancellationToken))!;
        }
        string[] routes = ["/api/intake/submissions/{id}", "/api/intake/assignments/{id}", "/api/dx-index/dti/{year}/provinces/{unit}/actions"];
        var probes = ProbeGenerator.Operations("intake", intake).Concat(ProbeGenerator.Operations("dx-index", dx))
            .Where(o => o.Method == "GET" && routes.Contains(o.Template))
            .SelectMany(o => ProbeGenerator.Probes(o, o.Service == "intake" ? intake : dx, values)).ToList();
        using var own = new Caller("thanh-hoa.reviewer", platform.Platform.GatewayUrl, await platform.SignInAsync("thanh-hoa.reviewer"), null);
        string[] markers = [.. ThanhHoaTexts, "Thanh H\\u00f3a"];
        var before = await SettledSnapshotAsync(markers);

        var answers = await SendAllAsync(own, probes);
        var version = JsonNode.Parse(answers.Single(a => a.Probe.Foreign.Path == $"/api/dx-index/dti/{DtiYear}/provinces/thanh-hoa/actions").Foreign.Body)!
            .AsArray().Single(a => a!["id"]!.GetValue<Guid>() == ThanhHoa.ActionPlan)!["version"]!.GetValue<int>();
        var edited = await own.SendAsync(new Probe("PUT", $"/api/dx-index/dti/{DtiYear}/provinces/thanh-hoa/actions/{ThanhHoa.ActionPlan}", HttpStatusCode.OK,
            new { indicator = "6.4", action = ThanhHoaAction, ownerAgency = "Sở Khoa học và Công nghệ", dueDate = "2027-06-30", progress = 40, status = "in-progress" }),
            ifMatch: $"\"{version}\"");
        var after = await DatabaseSnapshot.TakeAsync(platform.Platform, markers);

        Assert.Equal(HttpStatusCode.OK, edited.Status);
        var failures = Disclosures(answers);
        Assert.Contains(failures, f => f.Contains($"/api/intake/submissions/{ThanhHoa.Submission} → 200 for Thanh Hóa's id", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains($"/api/intake/assignments/{ThanhHoa.Assignment} → 200 for Thanh Hóa's id", StringComparison.Ordinal));
        Assert.Contains(Leaks(answers), l => l.Contains($"gives away '{ThanhHoaComment}'", StringComparison.Ordinal));
        Assert.Contains(DatabaseSnapshot.Changes(before, after, MayAdd), c => c.StartsWith("dxindexdb:public.dti_actions: 1 row(s) of Thanh Hóa changed", StringComparison.Ordinal));
    }

    private sealed record Sent(string Caller, GeneratedProbe Probe, Answer Foreign, Answer? Ghost);

    /// <summary>The probe naming Thanh Hóa, and when it is not 404, its ghost (the same request naming nothing that exists) to compare with.</summary>
    private static async Task<List<Sent>> SendAllAsync(Caller caller, List<GeneratedProbe> probes)
    {
        var sent = new List<Sent>(probes.Count);
        foreach (var probe in probes)
        {
            var foreign = await caller.SendAsync(probe.Foreign);
            var ghost = foreign.Status == HttpStatusCode.NotFound ? null : await caller.SendAsync(probe.Ghost);
            sent.Add(new Sent(caller.Name, probe, foreign, ghost));
        }
        return sent;
    }

    /// <summary>
    /// The databases once nothing moves any more: the consumers of the events the fixture caused (scoring, reporting,
    /// notifications) may still be writing when the probes are about to start.
    /// </summary>
    private async Task<Dictionary<string, DatabaseSnapshot.Table>> SettledSnapshotAsync(string[] markers)
    {
        var previous = await DatabaseSnapshot.TakeAsync(platform.Platform, markers);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
            var current = await DatabaseSnapshot.TakeAsync(platform.Platform, markers);
            if (DatabaseSnapshot.Changes(previous, current).Count == 0 && previous.All(t => current[t.Key].Rows == t.Value.Rows)) return current;
            previous = current;
        }
        return previous;
    }

    private static void Report(List<Sent> answers, List<Caller> callers, int operations, int leaks, int writes, TimeSpan elapsed, int failures)
    {
        var text = new StringBuilder();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
            $"Generated cross-province probes: {operations} operations of {Services.Length} OpenAPI documents, {callers.Count} callers of Lào Cai, "
            + $"{answers.Count} requests naming Thanh Hóa + {answers.Count(a => a.Ghost is not null)} control requests, {elapsed.TotalSeconds:F1} s; "
            + $"leaks {leaks}, writes {writes}, status failures {failures}");
        text.AppendLine($"| caller | {string.Join(" | ", Services)} | all |");
        text.AppendLine($"|---|{string.Concat(Services.Select(_ => "---:|"))}---:|");
        foreach (var caller in callers)
        {
            var mine = answers.Where(a => a.Caller == caller.Name).ToList();
            text.AppendLine($"| {caller.Name} | {string.Join(" | ", Services.Select(s => mine.Count(a => a.Probe.Operation.Service == s)))} | {mine.Count} |");
        }
        text.AppendLine($"| all | {string.Join(" | ", Services.Select(s => answers.Count(a => a.Probe.Operation.Service == s)))} | {answers.Count} |");
        text.AppendLine("Answers to the requests naming Thanh Hóa: " + string.Join(", ",
            answers.GroupBy(a => (int)a.Foreign.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        text.AppendLine("Writes accepted (the caller's own scope): " + string.Join("; ", answers
            .Where(a => a.Probe.Foreign.Method != "GET" && (int)a.Foreign.Status is >= 200 and < 300)
            .GroupBy(a => $"{a.Probe.Operation} → {(int)a.Foreign.Status}").Select(g => $"{g.Key} ({string.Join(", ", g.Select(a => a.Caller).Distinct())})")));
        TestContext.Current.TestOutputHelper?.WriteLine(text.ToString());
        if (Environment.GetEnvironmentVariable("PLATFORM_PROBES_REPORT") is { Length: > 0 } file) File.WriteAllText(file, text.ToString());
    }

    private static string Clip(string text, int length = 300) => text.Length <= length ? text : text[..length] + "…";
}
