using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Platform.Intake.Tests.Evidence;

/// <summary>Small but genuine files of every accepted kind, and impostors, built in code.</summary>
internal static class EvidenceSamples
{
    public static byte[] Pdf(string text = "Biên bản nghiệm thu") =>
        Encoding.UTF8.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A 1×1 PNG: signature, IHDR, IDAT, IEND.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static byte[] Jpeg() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static byte[] WebP()
    {
        var chunk = "VP8L"u8.ToArray().Concat(BitConverter.GetBytes(5)).Concat(new byte[] { 0x2F, 0, 0, 0, 0, 0 }).ToArray();
        return "RIFF"u8.ToArray().Concat(BitConverter.GetBytes(4 + chunk.Length)).Concat("WEBP"u8.ToArray()).Concat(chunk).ToArray();
    }

    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"""),
        ("word/document.xml", """<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>"""));

    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"""),
        ("xl/workbook.xml", """<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"""));

    public static byte[] PlainZip() => Zip(("readme.txt", "không phải tài liệu Office"));

    /// <summary>An OPC package that is neither Word nor Excel (no word/ or xl/ part).</summary>
    public static byte[] PackageWithoutDocument() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"""),
        ("ppt/presentation.xml", "<p/>"));

    public static byte[] Doc() => CompoundFile("WordDocument");

    public static byte[] Xls() => CompoundFile("Workbook");

    /// <summary>A compound file with only its root storage, as installers and mail messages also are.</summary>
    public static byte[] OtherCompoundFile() => CompoundFile(null);

    public static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[64]];

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    /// <summary>A PDF of exactly <paramref name="size"/> bytes.</summary>
    public static byte[] PdfOfSize(long size)
    {
        var content = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(content);
        return content;
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid submissionId, byte[] content, string fileName, string? inputKey = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        // What the browser claims is never trusted: every sample says it is a PDF.
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        if (inputKey is not null) form.Add(new StringContent(inputKey), "inputKey");
        return await client.PostAsync($"/api/intake/submissions/{submissionId}/evidence", form, TestContext.Current.CancellationToken);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A version-3 compound file: the 512-byte header, then one directory sector (root entry and, when named, one stream).</summary>
    private static byte[] CompoundFile(string? stream)
    {
        var file = new byte[512 * 3];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        file[26] = 0x3E; // minor/major version 3
        file[28] = 0xFE; file[29] = 0xFF; // little-endian
        file[30] = 9; // sector size 2^9
        file[32] = 6; // mini sector size 2^6
        BitConverter.GetBytes(0).CopyTo(file, 48); // first directory sector: 0, i.e. the bytes at 512
        Entry(512, "Root Entry", 5);
        if (stream is not null) Entry(512 + 128, stream, 2);
        return file;

        void Entry(int at, string name, byte type)
        {
            var bytes = Encoding.Unicode.GetBytes(name + "\0");
            bytes.CopyTo(file, at);
            BitConverter.GetBytes((ushort)bytes.Length).CopyTo(file, at + 64);
            file[at + 66] = type;
        }
    }
}
