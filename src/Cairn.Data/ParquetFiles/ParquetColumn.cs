using System.Text;
using Cairn.Core.Errors;
using Cairn.Data.Reading;
using Parquet;
using Parquet.Schema;

namespace Cairn.Data.ParquetFiles;

/// <summary>One column of a row group held in a typed array, written out cell by cell as UTF-8 text.</summary>
internal abstract class ParquetColumn
{
    public abstract Task LoadAsync(ParquetRowGroupReader group, int count, CancellationToken cancellationToken);

    public abstract void Write(int row, RowBuilder builder, int column);

    public static ParquetColumn For(DataField field)
    {
        var type = field.ClrType;
        return type switch
        {
            _ when type == typeof(double) => new Formattable<double>(field, default),
            _ when type == typeof(float) => new Formattable<float>(field, default),
            _ when type == typeof(decimal) => new Formattable<decimal>(field, default),
            _ when type == typeof(long) => new Formattable<long>(field, default),
            _ when type == typeof(int) => new Formattable<int>(field, default),
            _ when type == typeof(short) => new Formattable<short>(field, default),
            _ when type == typeof(sbyte) => new Formattable<sbyte>(field, default),
            _ when type == typeof(byte) => new Formattable<byte>(field, default),
            _ when type == typeof(ulong) => new Formattable<ulong>(field, default),
            _ when type == typeof(uint) => new Formattable<uint>(field, default),
            _ when type == typeof(ushort) => new Formattable<ushort>(field, default),
            _ when type == typeof(bool) => new Booleans(field),
            _ when type == typeof(DateTime) => new Formattable<DateTime>(field, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"),
            _ when type == typeof(DateTimeOffset) => new Formattable<DateTimeOffset>(field, "O"),
            _ when type == typeof(DateOnly) => new Formattable<DateOnly>(field, "yyyy-MM-dd"),
            _ when type == typeof(TimeOnly) => new Formattable<TimeOnly>(field, "HH:mm:ss.FFFFFFF"),
            _ when type == typeof(TimeSpan) => new Formattable<TimeSpan>(field, "c"),
            _ when type == typeof(string) || type == typeof(ReadOnlyMemory<char>) => new Text(field),
            _ => throw CairnException.InvalidParameter($"Unsupported Parquet column '{field.Name}': type {type.Name} is not supported."),
        };
    }

    private sealed class Formattable<T>(DataField field, string? format) : ParquetColumn
        where T : struct, IUtf8SpanFormattable
    {
        private T?[] _values = [];

        public override async Task LoadAsync(ParquetRowGroupReader group, int count, CancellationToken cancellationToken)
        {
            _values = new T?[count];
            await group.ReadAsync<T>(field, _values.AsMemory(), null, cancellationToken);
        }

        public override void Write(int row, RowBuilder builder, int column)
        {
            if (_values[row] is not { } value)
            {
                return;
            }

            var target = builder.Reserve(64);
            if (!value.TryFormat(target, out var written, format, System.Globalization.CultureInfo.InvariantCulture))
            {
                target = builder.Reserve(256);
                value.TryFormat(target, out written, format, System.Globalization.CultureInfo.InvariantCulture);
            }

            builder.Commit(column, written);
        }
    }

    private sealed class Booleans(DataField field) : ParquetColumn
    {
        private bool?[] _values = [];

        public override async Task LoadAsync(ParquetRowGroupReader group, int count, CancellationToken cancellationToken)
        {
            _values = new bool?[count];
            await group.ReadAsync<bool>(field, _values.AsMemory(), null, cancellationToken);
        }

        public override void Write(int row, RowBuilder builder, int column)
        {
            if (_values[row] is { } value)
            {
                builder.Set(column, value ? "true"u8 : "false"u8);
            }
        }
    }

    private sealed class Text(DataField field) : ParquetColumn
    {
        private string?[] _values = [];

        public override async Task LoadAsync(ParquetRowGroupReader group, int count, CancellationToken cancellationToken)
        {
            _values = new string?[count];
            await group.ReadAsync(field, _values.AsMemory()!, null, cancellationToken);
        }

        public override void Write(int row, RowBuilder builder, int column)
        {
            if (_values[row] is { } value)
            {
                var target = builder.Reserve(Encoding.UTF8.GetMaxByteCount(value.Length));
                builder.Commit(column, Encoding.UTF8.GetBytes(value, target));
            }
        }
    }
}
