using System.Diagnostics;
using System.Globalization;

namespace Platform.PlatformHarness.Telemetry;

/// <summary>
/// One span as a project of the platform exported it over OTLP: the project (<c>service.name</c>, the AppHost's
/// resource name), the <see cref="ActivitySource"/> it came from (the instrumentation scope), its place in the trace
/// and its attributes, each written as text.
/// </summary>
public sealed record ExportedSpan(
    string Service,
    string Source,
    ActivityTraceId TraceId,
    ActivitySpanId SpanId,
    ActivitySpanId ParentSpanId,
    string Name,
    ActivityKind Kind,
    bool HasRemoteParent,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>OTLP's span flags: bit 8 says whether the parent's remoteness is known, bit 9 that it is remote.</summary>
    private const uint RemoteParentKnown = 0x100;
    private const uint RemoteParent = 0x200;

    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);

    public override string ToString() =>
        $"{Service} {Source} '{Name}' {Kind} span {SpanId} parent {ParentSpanId}{(HasRemoteParent ? " (remote)" : "")} trace {TraceId}";

    /// <summary>The spans of an OTLP <c>ExportTraceServiceRequest</c> (opentelemetry/proto/collector/trace/v1).</summary>
    internal static List<ExportedSpan> Parse(ReadOnlyMemory<byte> request)
    {
        var spans = new List<ExportedSpan>();
        var reader = new ProtobufReader(request);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1) ReadResourceSpans(reader.ReadBytes(), spans);
            else reader.Skip(wire);
        }
        return spans;
    }

    private static void ReadResourceSpans(ReadOnlyMemory<byte> message, List<ExportedSpan> spans)
    {
        var service = "";
        var scopes = new List<ReadOnlyMemory<byte>>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: service = ReadAttributes(reader.ReadBytes(), attributesField: 1).GetValueOrDefault("service.name", ""); break;
                case 2: scopes.Add(reader.ReadBytes()); break;
                default: reader.Skip(wire); break;
            }
        }
        foreach (var scope in scopes) ReadScopeSpans(scope, service, spans);
    }

    private static void ReadScopeSpans(ReadOnlyMemory<byte> message, string service, List<ExportedSpan> spans)
    {
        var source = "";
        var raw = new List<ReadOnlyMemory<byte>>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: source = ReadScopeName(reader.ReadBytes()); break;
                case 2: raw.Add(reader.ReadBytes()); break;
                default: reader.Skip(wire); break;
            }
        }
        spans.AddRange(raw.Select(span => ReadSpan(span, service, source)));
    }

    private static string ReadScopeName(ReadOnlyMemory<byte> message)
    {
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1) return reader.ReadString();
            reader.Skip(wire);
        }
        return "";
    }

    private static ExportedSpan ReadSpan(ReadOnlyMemory<byte> message, string service, string source)
    {
        ActivityTraceId traceId = default;
        ActivitySpanId spanId = default, parentSpanId = default;
        var name = "";
        var kind = ActivityKind.Internal;
        uint flags = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: traceId = ActivityTraceId.CreateFromBytes(reader.ReadBytes().Span); break;
                case 2: spanId = ActivitySpanId.CreateFromBytes(reader.ReadBytes().Span); break;
                case 4:
                    var parent = reader.ReadBytes();
                    if (!parent.IsEmpty) parentSpanId = ActivitySpanId.CreateFromBytes(parent.Span);
                    break;
                case 5: name = reader.ReadString(); break;
                // OTLP's SpanKind is ActivityKind + 1 (0 is SPAN_KIND_UNSPECIFIED).
                case 6: kind = (ActivityKind)Math.Max(0, (int)reader.ReadVarint() - 1); break;
                case 9: AddAttribute(reader.ReadBytes(), attributes); break;
                case 16: flags = reader.ReadFixed32(); break;
                default: reader.Skip(wire); break;
            }
        }
        var remote = (flags & RemoteParentKnown) != 0 && (flags & RemoteParent) != 0;
        return new ExportedSpan(service, source, traceId, spanId, parentSpanId, name, kind, remote, attributes);
    }

    private static Dictionary<string, string> ReadAttributes(ReadOnlyMemory<byte> message, int attributesField)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == attributesField) AddAttribute(reader.ReadBytes(), attributes);
            else reader.Skip(wire);
        }
        return attributes;
    }

    /// <summary>A <c>KeyValue</c>: key 1, <c>AnyValue</c> 2.</summary>
    private static void AddAttribute(ReadOnlyMemory<byte> message, Dictionary<string, string> attributes)
    {
        var key = "";
        var value = "";
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: key = reader.ReadString(); break;
                case 2: value = ReadValue(reader.ReadBytes()); break;
                default: reader.Skip(wire); break;
            }
        }
        attributes[key] = value;
    }

    /// <summary>An <c>AnyValue</c> as text; an array's items joined with commas.</summary>
    private static string ReadValue(ReadOnlyMemory<byte> message)
    {
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1: return reader.ReadString();
                case 2: return reader.ReadVarint() != 0 ? "true" : "false";
                case 3: return ((long)reader.ReadVarint()).ToString(CultureInfo.InvariantCulture);
                case 4: return reader.ReadDouble().ToString(CultureInfo.InvariantCulture);
                case 5: return string.Join(",", ReadArray(reader.ReadBytes()));
                default: reader.Skip(wire); break;
            }
        }
        return "";
    }

    private static List<string> ReadArray(ReadOnlyMemory<byte> message)
    {
        var items = new List<string>();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1) items.Add(ReadValue(reader.ReadBytes()));
            else reader.Skip(wire);
        }
        return items;
    }
}
