using System.Buffers.Binary;

namespace Platform.PlatformHarness.Telemetry;

/// <summary>
/// Reads protobuf's wire format field by field — just enough for the OTLP messages <see cref="TraceCollector"/>
/// receives; fields it is not asked for are skipped.
/// </summary>
internal struct ProtobufReader(ReadOnlyMemory<byte> data)
{
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    private int _position;

    public bool TryReadTag(out int field, out int wireType)
    {
        if (_position >= data.Length)
        {
            field = wireType = 0;
            return false;
        }
        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong ReadVarint()
    {
        var span = data.Span;
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = span[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("A protobuf varint longer than 10 bytes.");
    }

    public ReadOnlyMemory<byte> ReadBytes()
    {
        var length = checked((int)ReadVarint());
        var bytes = data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes().Span);

    public uint ReadFixed32()
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(data.Span[_position..]);
        _position += 4;
        return value;
    }

    public double ReadDouble()
    {
        var value = BinaryPrimitives.ReadDoubleLittleEndian(data.Span[_position..]);
        _position += 8;
        return value;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint: ReadVarint(); break;
            case Fixed64: _position += 8; break;
            case LengthDelimited: ReadBytes(); break;
            case Fixed32: _position += 4; break;
            default: throw new InvalidDataException($"Protobuf wire type {wireType} is not used by OTLP.");
        }
    }
}
