using System.IO.Compression;
using System.Text;

namespace Platform.Intake.Evidence;

/// <summary>A kind of file accepted as evidence: its MIME type and the file-name extensions it is known by.</summary>
public sealed record EvidenceType(string ContentType, string Name, params string[] Extensions);

/// <summary>
/// Recognises evidence files by their content alone (the name and the declared type are never trusted):
/// PDF, PNG, JPEG, GIF, WebP, Word and Excel (DOCX/XLSX packages and legacy DOC/XLS compound files).
/// Everything else — programs, web pages, plain archives, empty files — is refused.
/// </summary>
public static class EvidenceTypes
{
    public static readonly EvidenceType Pdf = new("application/pdf", "PDF", "pdf");
    public static readonly EvidenceType Png = new("image/png", "PNG", "png");
    public static readonly EvidenceType Jpeg = new("image/jpeg", "JPEG", "jpg", "jpeg");
    public static readonly EvidenceType Gif = new("image/gif", "GIF", "gif");
    public static readonly EvidenceType WebP = new("image/webp", "WebP", "webp");
    public static readonly EvidenceType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)", "docx");
    public static readonly EvidenceType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)", "xlsx");
    public static readonly EvidenceType Doc = new("application/msword", "Word (DOC)", "doc");
    public static readonly EvidenceType Xls = new("application/vnd.ms-excel", "Excel (XLS)", "xls");

    /// <summary>For people: what is accepted, in Vietnamese.</summary>
    public const string Accepted = "PDF, ảnh PNG/JPEG/GIF/WebP, Word (DOC, DOCX) và Excel (XLS, XLSX)";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The type of <paramref name="content"/>, or null when it is not one of the accepted kinds.</summary>
    public static EvidenceType? Sniff(byte[] content)
    {
        ReadOnlySpan<byte> head = content;
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith(PngSignature)) return Png;
        if (head.StartsWith(JpegSignature)) return Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP;
        if (head.StartsWith(ZipSignature)) return OfficePackage(content);
        if (head.StartsWith(CompoundFileSignature)) return CompoundFile(content);
        return null;
    }

    /// <summary>A ZIP is a Word or Excel document only with <c>[Content_Types].xml</c> and a <c>word/</c> or <c>xl/</c> part.</summary>
    private static EvidenceType? OfficePackage(byte[] content)
    {
        try
        {
            // Only the central directory is read: entry names, nothing decompressed.
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal)) return null;
            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return Docx;
            if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// A compound file (OLE2) is a Word document when it holds a <c>WordDocument</c> stream and an Excel workbook
    /// when it holds <c>Workbook</c> (or <c>Book</c>, Excel 5/95). Installers (MSI), Outlook messages and other
    /// compound files are refused. Directory entries are 128 bytes, 128-aligned after the 512-byte header.
    /// </summary>
    private static EvidenceType? CompoundFile(byte[] content)
    {
        for (var at = 512; at + 128 <= content.Length; at += 128)
        {
            var entry = content.AsSpan(at, 128);
            // Byte 66: object type 2 = stream; bytes 64–65: name length in bytes, with the terminating NUL.
            if (entry[66] != 2) continue;
            var length = entry[64] | (entry[65] << 8);
            if (length is < 4 or > 64 || length % 2 != 0) continue;
            var name = Encoding.Unicode.GetString(entry[..(length - 2)]);
            if (name == "WordDocument") return Doc;
            if (name is "Workbook" or "Book") return Xls;
        }
        return null;
    }
}
