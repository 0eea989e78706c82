using System.Buffers;

namespace Platform.Scoring.Io;

/// <summary>A whole stream's bytes in one buffer rented from <see cref="ArrayPool{T}.Shared"/>, returned when disposed.</summary>
internal sealed class PooledBytes : IDisposable
{
    private byte[] buffer;

    private PooledBytes(byte[] buffer, int length)
    {
        this.buffer = buffer;
        Length = length;
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, Length);

    public static PooledBytes ReadToEnd(Stream stream)
    {
        var bytes = new PooledBytes(ArrayPool<byte>.Shared.Rent(InitialSize(stream)), 0);
        int read;
        while ((read = stream.Read(bytes.Free())) > 0) bytes.Length += read;
        return bytes;
    }

    public static async Task<PooledBytes> ReadToEndAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new PooledBytes(ArrayPool<byte>.Shared.Rent(InitialSize(stream)), 0);
        int read;
        while ((read = await stream.ReadAsync(bytes.FreeMemory(), cancellationToken)) > 0) bytes.Length += read;
        return bytes;
    }

    /// <summary>A file's length (one more byte, so the end is seen without growing); 64 KiB for a pipe.</summary>
    private static int InitialSize(Stream stream)
    {
        try
        {
            if (stream.CanSeek) return (int)Math.Clamp(stream.Length - stream.Position + 1, 1, Array.MaxLength);
        }
        catch (NotSupportedException)
        {
        }
        return 1 << 16;
    }

    private Span<byte> Free() => FreeMemory().Span;

    private Memory<byte> FreeMemory()
    {
        if (Length == buffer.Length)
        {
            if (buffer.Length == Array.MaxLength) throw new IOException("the input is larger than 2 GB");
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
            buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        return buffer.AsMemory(Length);
    }

    public void Dispose()
    {
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        Length = 0;
    }
}
