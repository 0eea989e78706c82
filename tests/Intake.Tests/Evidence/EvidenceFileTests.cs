using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Intake.Evidence;
using Platform.Intake.Tests.Submissions;
using Platform.TestSupport;

namespace Platform.Intake.Tests.Evidence;

/// <summary>Evidence on a monthly-4585 draft of Sở KHCN Lào Cai (no evidence is required there).</summary>
public sealed class EvidenceFileTests(PlatformInfrastructure infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_accepted_kind_is_stored_with_the_type_its_content_shows()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "evaccept");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await (await reporter.PutDraftAsync(SubmissionWorkflowTests.Values)).ReadAsync();
        (byte[] Content, string Name, string Type)[] samples =
        [
            (EvidenceSamples.Pdf(), "bien-ban.pdf", "application/pdf"),
            (EvidenceSamples.Png(), "anh-chup.png", "image/png"),
            (EvidenceSamples.Jpeg(), "anh.jpg", "image/jpeg"),
            (EvidenceSamples.Gif(), "so-do.gif", "image/gif"),
            (EvidenceSamples.WebP(), "anh.webp", "image/webp"),
            (EvidenceSamples.Docx(), "ke-hoach.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (EvidenceSamples.Xlsx(), "so-lieu.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (EvidenceSamples.Doc(), "cong-van.doc", "application/msword"),
            (EvidenceSamples.Xls(), "bang-tinh.xls", "application/vnd.ms-excel"),
        ];

        foreach (var (content, name, type) in samples)
        {
            var response = await reporter.UploadAsync(draft.Id, content, name, inputKey: "A.due");
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            var view = (await response.Content.ReadFromJsonAsync<EvidenceView>(SubmissionCalls.Json, Ct))!;
            Assert.Equal((type, name, (long)content.Length, "A.due"), (view.ContentType, view.FileName, view.Size, view.InputKey));
            Assert.Equal($"/api/intake/evidence/{view.Id}", response.Headers.Location?.OriginalString);
        }

        var listed = await reporter.GetFromJsonAsync<List<EvidenceView>>($"/api/intake/submissions/{draft.Id}/evidence", SubmissionCalls.Json, Ct);
        Assert.Equal(samples.Select(s => s.Type).Order(), listed!.Select(v => v.ContentType).Order());
        await using var db = host.Db();
        Assert.Equal(samples.Length, await db.EvidenceBlobs.CountAsync(Ct));
        Assert.Equal(samples.Length, await db.AuditEntries.CountAsync(a => a.EntityType == "evidence" && a.Action == "uploaded", Ct));
    }

    [Fact]
    public async Task Files_whose_content_is_not_an_accepted_kind_are_refused_whatever_their_name_and_nothing_is_stored()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "evreject");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await (await reporter.PutDraftAsync(SubmissionWorkflowTests.Values)).ReadAsync();
        (byte[] Content, string Name)[] impostors =
        [
            (EvidenceSamples.Exe(), "x.pdf"),
            (EvidenceSamples.Html(), "x.pdf"),
            (EvidenceSamples.PlainZip(), "bao-cao.docx"),
            (EvidenceSamples.PackageWithoutDocument(), "bao-cao.xlsx"),
            (EvidenceSamples.OtherCompoundFile(), "cong-van.doc"),
            ([], "rong.pdf"),
        ];

        foreach (var (content, name) in impostors)
        {
            var response = await reporter.UploadAsync(draft.Id, content, name);
            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{name}: {(int)response.StatusCode}");
            var problem = await response.ProblemAsync();
            Assert.Contains("Chỉ chấp nhận PDF, ảnh PNG/JPEG/GIF/WebP, Word (DOC, DOCX) và Excel (XLS, XLSX)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await using var db = host.Db();
        Assert.Equal((0, 0), (await db.EvidenceFiles.CountAsync(Ct), await db.EvidenceBlobs.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_file_of_exactly_20_MB_is_accepted_and_one_byte_more_is_refused_with_413()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "evsize");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await (await reporter.PutDraftAsync(SubmissionWorkflowTests.Values)).ReadAsync();
        const long limit = 20L * 1024 * 1024;

        var tooLarge = await reporter.UploadAsync(draft.Id, EvidenceSamples.PdfOfSize(limit + 1), "lon.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("tối đa 20 MB", (await tooLarge.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Far beyond the limit the request itself is refused, before the form is read.
        var farTooLarge = await reporter.UploadAsync(draft.Id, EvidenceSamples.PdfOfSize(limit + 1024 * 1024), "rat-lon.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, farTooLarge.StatusCode);
        Assert.Equal("application/problem+json", farTooLarge.Content.Headers.ContentType?.MediaType);

        var exactly = await reporter.UploadAsync(draft.Id, EvidenceSamples.PdfOfSize(limit), "vua.pdf");
        Assert.Equal(HttpStatusCode.Created, exactly.StatusCode);
        await using var db = host.Db();
        Assert.Equal(limit, await db.EvidenceBlobs.Select(b => b.Size).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_is_stored_once_and_linked_once_per_input()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "evdedup");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await (await reporter.PutDraftAsync(SubmissionWorkflowTests.Values)).ReadAsync();
        var pdf = EvidenceSamples.Pdf();

        var first = await reporter.UploadAsync(draft.Id, pdf, "bien-ban.pdf", "A.due");
        var again = await reporter.UploadAsync(draft.Id, pdf, "ten-khac.pdf", "A.due");
        var otherInput = await reporter.UploadAsync(draft.Id, pdf, "bien-ban.pdf", "D1.total");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created), (first.StatusCode, again.StatusCode, otherInput.StatusCode));
        var firstView = (await first.Content.ReadFromJsonAsync<EvidenceView>(SubmissionCalls.Json, Ct))!;
        var againView = (await again.Content.ReadFromJsonAsync<EvidenceView>(SubmissionCalls.Json, Ct))!;
        Assert.Equal((firstView.Id, "bien-ban.pdf"), (againView.Id, againView.FileName));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), firstView.Sha256);
        await using var db = host.Db();
        Assert.Equal(1, await db.EvidenceBlobs.CountAsync(Ct));
        Assert.Equal(2, await db.EvidenceFiles.CountAsync(Ct));
    }

    [Fact]
    public async Task A_reviewer_of_the_province_downloads_the_identical_bytes_as_a_safe_attachment_and_another_province_gets_404()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "evdownload");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        using var foreign = host.Client(SubmissionsHost.ThanhHoaReviewer);
        var draft = await (await reporter.PutDraftAsync(SubmissionWorkflowTests.Values)).ReadAsync();
        var docx = EvidenceSamples.Docx();
        var uploaded = (await (await reporter.UploadAsync(draft.Id, docx, "Kế hoạch số 12.docx", "A.due")).Content.ReadFromJsonAsync<EvidenceView>(SubmissionCalls.Json, Ct))!;

        var download = await reviewer.GetAsync(uploaded.DownloadUrl, Ct);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.True(disposition.FileName!.Trim('"').All(char.IsAscii), disposition.FileName);
        Assert.Equal("Kế hoạch số 12.docx", disposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));

        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(uploaded.DownloadUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/intake/submissions/{draft.Id}/evidence", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/intake/evidence/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_file_name_with_directories_line_breaks_and_quotes_is_sanitised()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "evname");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        var draft = await (await reporter.PutDraftAsync(SubmissionWorkflowTests.Values)).ReadAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(EvidenceSamples.Pdf());
        // ../../etc/passwd<CR><LF>Set-Cookie: x"<RLO>.pdf, as a browser would percent-encode it in filename*.
        file.Headers.TryAddWithoutValidation("Content-Disposition",
            "form-data; name=\"file\"; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd%0D%0ASet-Cookie%3A%20x%22%E2%80%AE.pdf");
        form.Add(file);

        var response = await reporter.PostAsync($"/api/intake/submissions/{draft.Id}/evidence", form, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = (await response.Content.ReadFromJsonAsync<EvidenceView>(SubmissionCalls.Json, Ct))!;
        Assert.Equal("passwdSet-Cookie x.pdf", view.FileName);
        Assert.Equal("passwdSet-Cookie x.pdf", EvidenceFileName.Sanitise("..\\..\\passwdSet-Cookie: x.pdf", EvidenceTypes.Pdf));
        Assert.Equal("bao-cao.pdf.png", EvidenceFileName.Sanitise("bao-cao.pdf", EvidenceTypes.Png));
        Assert.Equal("minh-chung.pdf", EvidenceFileName.Sanitise("../..", EvidenceTypes.Pdf));
        Assert.Equal(EvidenceFileName.MaxLength, EvidenceFileName.Sanitise(new string('a', 500) + ".pdf", EvidenceTypes.Pdf).Length);
    }

    [Fact]
    public async Task Evidence_changes_only_while_the_submission_is_editable_and_removal_is_soft_and_audited()
    {
        await using var host = await SubmissionsHost.StartAsync(infrastructure, "evstate");
        using var reporter = host.Client(SubmissionsHost.Reporter);
        using var reviewer = host.Client(SubmissionsHost.Reviewer);
        var draft = await (await reporter.PutDraftAsync(SubmissionWorkflowTests.Values)).ReadAsync();
        var kept = (await (await reporter.UploadAsync(draft.Id, EvidenceSamples.Pdf("giữ"), "giu.pdf", "A.due")).Content.ReadFromJsonAsync<EvidenceView>(SubmissionCalls.Json, Ct))!;
        var dropped = (await (await reporter.UploadAsync(draft.Id, EvidenceSamples.Png(), "bo.png")).Content.ReadFromJsonAsync<EvidenceView>(SubmissionCalls.Json, Ct))!;

        var unknownInput = await reporter.UploadAsync(draft.Id, EvidenceSamples.Pdf(), "x.pdf", "Z.khong-co");
        Assert.Equal(HttpStatusCode.BadRequest, unknownInput.StatusCode);
        Assert.True((await unknownInput.ProblemAsync()).GetProperty("errors").TryGetProperty("inputKey", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.UploadAsync(draft.Id, EvidenceSamples.Pdf(), "x.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reporter.DeleteAsync(dropped.DownloadUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync(dropped.DownloadUrl, Ct)).StatusCode);

        await (await reporter.ActAsync(draft.Id, "submit")).ReadAsync();
        var afterSubmit = await reporter.UploadAsync(draft.Id, EvidenceSamples.Pdf("muộn"), "muon.pdf", "A.due");
        Assert.Equal(HttpStatusCode.Conflict, afterSubmit.StatusCode);
        Assert.Contains("bản nháp hoặc bị trả lại", (await afterSubmit.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.DeleteAsync(kept.DownloadUrl, Ct)).StatusCode);

        var listed = await reviewer.GetFromJsonAsync<List<EvidenceView>>($"/api/intake/submissions/{draft.Id}/evidence", SubmissionCalls.Json, Ct);
        Assert.Equal(kept.Id, Assert.Single(listed!).Id);
        await using var db = host.Db();
        var removed = await db.EvidenceFiles.SingleAsync(f => f.Id == dropped.Id, Ct);
        Assert.Equal((SubmissionsHost.Reporter.Subject, SubmissionsHost.Now), (removed.RemovedBy, removed.RemovedAt));
        Assert.Equal(["removed", "uploaded", "uploaded"],
            (await db.AuditEntries.Where(a => a.EntityType == "evidence").Select(a => a.Action).ToListAsync(Ct)).Order());
        Assert.Equal(2, await db.EvidenceBlobs.CountAsync(Ct));
    }
}
