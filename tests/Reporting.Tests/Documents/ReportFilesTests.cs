using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Reporting.Documents;

namespace Platform.Reporting.Tests.Documents;

/// <summary>What a browser receives: the file, its name, the built-from headers; a Vietnamese 400 for a bad format.</summary>
public sealed class ReportFilesTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddProblemDetails();
        _app = builder.Build();
        _app.MapGet("/export", (string? format) => ReportFiles.Render(format, SampleDocuments.Ranking(25)));
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xep-hang-tinh-2026-11-lan-2.xlsx", "PK")]
    [InlineData("pdf", "application/pdf", "xep-hang-tinh-2026-11-lan-2.pdf", "%PDF")]
    [InlineData("CSV", "text/csv; charset=utf-8", "xep-hang-tinh-2026-11-lan-2-lap-20261216-0830.csv", "\uFEFFHạng")]
    public async Task Each_format_downloads_as_a_named_file_with_what_it_was_built_from(string format, string contentType, string fileName, string start)
    {
        var response = await _client.GetAsync($"/export?format={format}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("2", response.Headers.GetValues("Report-Revision").Single());
        Assert.Equal("2026-12-15T03:00:00Z", response.Headers.GetValues("Report-Published-At").Single());
        Assert.Equal("2026-12-16T01:30:00Z", response.Headers.GetValues("Report-Generated-At").Single());
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith(start, Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docx", "Định dạng tệp (format) \"docx\" không được hỗ trợ; hãy chọn xlsx, pdf hoặc csv.")]
    [InlineData("", "Hãy chọn định dạng tệp (format): xlsx, pdf hoặc csv.")]
    public async Task An_unknown_format_is_a_vietnamese_400_naming_format(string format, string message)
    {
        var response = await _client.GetAsync($"/export?format={format}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(message, problem.RootElement.GetProperty("errors").GetProperty("format")[0].GetString());
    }

    [Fact]
    public void Vietnamese_file_names_become_plain_ASCII() =>
        Assert.Equal("Xep-hang-Dak-Lak-thang-11", ReportFiles.Ascii("Xếp hạng Đắk Lắk tháng 11"));
}
