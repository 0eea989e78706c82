using Platform.DataAndMessaging.Obligations;
using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Platform.Contracts;
using Platform.LocalInfrastructure;
using Platform.Notifications.Scheduling;
using Platform.TestSupport;
using Platform.TestSupport.Mail;
using Platform.TestSupport.Security;

namespace Platform.Bench.ReminderBench;

/// <summary>
/// Deadline reminders at 10× national scale (docs/notifications.md): units with 1–3 focal points each, one announcement
/// per province, the clock moved to the first reminder, then the e-mails sent to an in-process SMTP server.
/// </summary>
internal static class Driver
{
    private const string Tenant = "national";
    private const string Framework = "monthly-4585";
    private const string Period = "2026-11";
    private const int Provinces = 34;

    public static async Task<int> Main(string[] args)
    {
        var units = int.Parse(OptionText(args, "--units", "41000"), CultureInfo.InvariantCulture);
        var sendLimit = int.Parse(OptionText(args, "--send", "20000"), CultureInfo.InvariantCulture);
        var root = Path.Combine(Path.GetTempPath(), "platform-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var postgresStarting = PostgresServer.StartAsync(new PostgresServerOptions { Directory = Path.Combine(root, "postgres") });
        var rabbitStarting = RabbitMqBroker.StartAsync(new RabbitMqBrokerOptions { Directory = Path.Combine(root, "rabbitmq") });
        await using var postgres = await postgresStarting;
        await using var rabbit = await rabbitStarting;
        try
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_NOTIFICATIONS", AppContext.BaseDirectory);
            Console.WriteLine($"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
            await postgres.CreateDatabaseAsync("reminders");
            await RunAsync(postgres.ConnectionString("reminders"), rabbit.ConnectionString(), units, sendLimit);
            return 0;
        }
        finally
        {
            await rabbit.StopAsync();
            await postgres.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task RunAsync(string connection, string messaging, int unitCount, int sendLimit)
    {
        await using var smtp = TestSmtpServer.Start();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string>(smtp.Settings())
        {
            ["ConnectionStrings:notificationsdb"] = connection,
            ["ConnectionStrings:messaging"] = messaging,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Notifications:WebBaseUrl"] = "https://cds.bench",
            ["Notifications:Scheduling:PollInterval"] = "01:00:00",
            ["Notifications:Delivery:email:PollInterval"] = "00:00:00.200",
            ["Notifications:Delivery:email:BatchSize"] = "200",
            ["Notifications:Delivery:email:Parallelism"] = "8",
        };
        using var tokens = new TestTokens();
        await using var service = new ServiceFactory<Program>(settings, tokens, s => s.AddSingleton<TimeProvider>(clock));
        service.CreateClient().Dispose();
        var rows = new List<(string What, string Value)>();

        // Units and focal points as the service would have them (unit directory events and registrations), written in bulk.
        var watch = Stopwatch.StartNew();
        var codes = await SeedAsync(connection, unitCount);
        rows.Add(("units seeded (units + 1–3 focal points each)", $"{codes.Sum(p => p.Value.Count):N0} units, {FocalPoints(codes):N0} focal points, {watch.Elapsed.TotalSeconds:0.0} s"));

        // One announcement per province: every unit of the province owes one report of 3 inputs.
        watch.Restart();
        var bus = service.Services.GetRequiredService<IBus>();
        var due = new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero); // 00:00 05/12/2026 in Vietnam
        foreach (var (province, members) in codes)
            await bus.Publish(new ObligationsAnnounced(Tenant, Framework, "2026.1", Period, "agency-to-province", province, due, 1,
                members.Select(u => new Platform.Contracts.OwedReport(u, province, "lead", ["A.due", "A.onTime", "D1.count"])).ToList(), DateTimeOffset.UtcNow));
        await WaitAsync(connection, "SELECT count(*) FROM scheduled_jobs WHERE kind = 'reminder'", n => n == codes.Count * 3);
        var announce = watch.Elapsed;
        rows.Add(("announce (34 events → owed sets + 5 jobs each)", $"{announce.TotalSeconds:0.0} s"));

        // The first reminder: 08:00 01/12/2026 in Vietnam.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var runner = service.Services.GetRequiredService<JobRunner>();
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        watch.Restart();
        while (await runner.RunDueAsync(CancellationToken.None) > 0) { }
        var schedule = watch.Elapsed;
        var written = await ScalarAsync(connection, "SELECT count(*) FROM notifications");
        var emails = await ScalarAsync(connection, "SELECT count(*) FROM notifications WHERE channel = 'email'");
        rows.Add(("reminder run: due jobs → notifications written", $"{written:N0} rows ({emails:N0} e-mails) in {schedule.TotalSeconds:0.0} s = {written / schedule.TotalSeconds:N0} rows/s"));

        // Sending: the e-mail channel's dispatcher to the SMTP server, until sendLimit (or all) are sent.
        watch.Restart();
        var target = Math.Min(emails, sendLimit);
        await WaitAsync(connection, "SELECT count(*) FROM notifications WHERE channel = 'email' AND state = 'sent'", n => n >= target, TimeSpan.FromMinutes(30));
        var sending = watch.Elapsed;
        var sent = await ScalarAsync(connection, "SELECT count(*) FROM notifications WHERE channel = 'email' AND state = 'sent'");
        rows.Add(("sending to the SMTP server (MailKit, 8 at a time)", $"{sent:N0} sent in {sending.TotalSeconds:0.0} s = {sent / sending.TotalSeconds:N0} e-mails/s; server received {smtp.Messages.Count:N0}"));
        rows.Add(("peak working set (process: service + SMTP server)", $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB (before the run {peakBefore / 1048576.0:N0} MB)"));

        Console.WriteLine();
        Console.WriteLine($"| {"what",-52} | result |");
        Console.WriteLine($"|{new string('-', 54)}|--------|");
        foreach (var (what, value) in rows) Console.WriteLine($"| {what,-52} | {value} |");
    }

    private static int FocalPoints(Dictionary<string, List<string>> codes) => codes.Values.SelectMany(u => u).Select((_, i) => i % 3 + 1).Sum();

    private static async Task<Dictionary<string, List<string>>> SeedAsync(string connection, int unitCount)
    {
        var provinces = Enumerable.Range(1, Provinces).Select(i => $"p{i:00}").ToList();
        var codes = provinces.ToDictionary(p => p, p => new List<string>());
        for (var i = 0; i < unitCount - Provinces - 1; i++)
        {
            var province = provinces[i % Provinces];
            codes[province].Add($"{province}.u{i:00000}");
        }
        var all = new List<(string Code, string Name, string? Parent)> { ("vn", "Việt Nam", null) };
        all.AddRange(provinces.Select(p => (p, $"Tỉnh số {p[1..]}", (string?)"vn")));
        all.AddRange(codes.SelectMany(p => p.Value.Select(u => (u, $"Sở số {u[(u.IndexOf('u') + 1)..]} của tỉnh {p.Key[1..]}", (string?)p.Key))));
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using (var units = new NpgsqlCommand("""
            INSERT INTO units (tenant, code, name, kind, parent_code, peer_groups, revision)
            SELECT 'national', c, n, 'department', p, '{}', 1 FROM unnest(@c, @n, @p) AS t(c, n, p)
            """, db))
        {
            units.Parameters.AddWithValue("c", all.Select(u => u.Code).ToArray());
            units.Parameters.AddWithValue("n", all.Select(u => u.Name).ToArray());
            units.Parameters.AddWithValue("p", all.Select(u => u.Parent).ToArray());
            await units.ExecuteNonQueryAsync();
        }
        var focal = codes.Values.SelectMany(u => u).SelectMany((u, i) => Enumerable.Range(1, i % 3 + 1).Select(n => (Unit: u, Ordinal: n))).ToList();
        await using var people = new NpgsqlCommand("""
            INSERT INTO focal_points (id, tenant, unit, framework, ordinal, name, position, email, phone, registered_by, registered_at)
            SELECT gen_random_uuid(), 'national', u, 'monthly-4585', o, 'Cán bộ đầu mối ' || o, 'Chuyên viên', u || '.' || o || '@bench.gov.vn',
                   '0912345678', 'bench', now()
            FROM unnest(@u, @o) AS t(u, o)
            """, db);
        people.Parameters.AddWithValue("u", focal.Select(f => f.Unit).ToArray());
        people.Parameters.AddWithValue("o", focal.Select(f => f.Ordinal).ToArray());
        await people.ExecuteNonQueryAsync();
        return codes;
    }

    private static async Task<long> ScalarAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static Task<long> WaitAsync(string connection, string sql, Func<long, bool> done, TimeSpan? timeout = null) =>
        Eventually.WaitForAsync(() => ScalarAsync(connection, sql), done, timeout ?? TimeSpan.FromMinutes(10), sql);

    private static string OptionText(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
