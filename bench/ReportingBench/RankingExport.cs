using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.DataAndMessaging.Units;
using Platform.Reporting.Data;
using Platform.Reporting.Documents;
using Platform.Reporting.ReadModels;

namespace Platform.Bench.ReportingBench;

/// <summary>
/// The meeting ranking's shape (rank, unit, groups A–E under one merged header, bonus, total, class) of one stored
/// revision, rows streamed from <c>published_scores</c>, rendered by the service's <see cref="ReportFiles"/> into a
/// counting sink: the renderer's time and memory when the rankings endpoint (official reports) is not in this build.
/// </summary>
internal static class RankingExport
{
    public static async Task<long> RenderAsync(IServiceProvider services, string format, string framework, string period, string peerGroup)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var publication = await db.Set<Publication>().AsNoTracking()
            .SingleAsync(p => p.Framework == framework && p.Period == period && p.PeerGroup == peerGroup && p.IsCurrent);
        string[] groups = ["A", "B", "C", "D", "E"];
        var columns = new List<ReportColumn> { new("Hạng", CellKind.Count, 6), new("Đơn vị", CellKind.Text, 40) };
        columns.AddRange(groups.Select(g => new ReportColumn(g, CellKind.Decimal2, 8, "Điểm theo nhóm chỉ số")));
        columns.AddRange([new("Điểm thưởng", CellKind.Decimal2, 9), new("Tổng điểm", CellKind.Decimal2, 9), new("Xếp loại", CellKind.Text, 8)]);
        var document = new ReportDocument($"xep-hang-{peerGroup}-{period}", "BỘ KHOA HỌC VÀ CÔNG NGHỆ", "KẾT QUẢ CHẤM ĐIỂM HẰNG THÁNG",
            [$"Tháng {period}", $"Nhóm {peerGroup}: {publication.Units:N0} đơn vị"],
            [new ReportTable("Bảng xếp hạng", "Xep hang", columns, Rows(db, publication, groups))], ["Số liệu minh họa của bench."],
            new BuiltFrom(publication.Tenant, framework, "Chấm điểm hằng tháng", publication.FrameworkVersion, period, publication.Revision,
                publication.PublishedAt, publication.PublishedAt, DateTimeOffset.UtcNow));
        var sink = new CountingStream();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = sink;
        await ReportFiles.Render(format, document).ExecuteAsync(http);
        return sink.Length;
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(ReportingDbContext db, Publication p, string[] groups)
    {
        var rows = from s in db.Set<PublishedScore>().AsNoTracking()
                   where s.Tenant == p.Tenant && s.Framework == p.Framework && s.Period == p.Period && s.PeerGroup == p.PeerGroup && s.Revision == p.Revision
                   join u in db.Set<KnownUnit>().AsNoTracking() on new { s.Tenant, Code = s.Unit } equals new { u.Tenant, u.Code } into named
                   from u in named.DefaultIfEmpty()
                   orderby s.Reported descending, s.Rank, s.Unit
                   select new { s.Rank, s.Unit, Name = u == null ? null : u.Name, s.Groups, s.Bonus, s.Total, s.Classification };
        await foreach (var r in rows.AsAsyncEnumerable())
        {
            var scores = JsonSerializer.Deserialize<Dictionary<string, decimal>>(r.Groups) ?? [];
            var row = new List<object?> { r.Rank, r.Name ?? r.Unit };
            row.AddRange(groups.Select(g => scores.TryGetValue(g, out var v) ? (object?)v : null));
            row.AddRange([r.Bonus, r.Total, r.Classification ?? "Chưa báo cáo"]);
            yield return row;
        }
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
