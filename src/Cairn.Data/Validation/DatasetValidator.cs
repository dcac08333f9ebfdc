using Cairn.Data.Formats;
using Cairn.Data.Reading;

namespace Cairn.Data.Validation;

/// <summary>Validates data (a stream in any supported format) against a schema or a reference, in one streaming pass.</summary>
public static class DatasetValidator
{
    public static async Task<ValidationReport> ValidateAsync(Stream data, DataFormat format, ValidationSchema schema, ValidationMode mode,
        string against, DataReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sink = new ValidationSink(schema, mode, against);
        await RecordSource.ReadAsync(data, format, sink, options, cancellationToken);
        return sink.Report();
    }
}
