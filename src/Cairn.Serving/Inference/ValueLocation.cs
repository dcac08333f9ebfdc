namespace Cairn.Serving.Inference;

/// <summary>Where a value sits in a request, turned into words only when it is wrong (no allocation on success).</summary>
internal readonly record struct ValueLocation(bool Record, string Name, int Index)
{
    public static ValueLocation OipElement(string input, int element) => new(false, input, element);

    public static ValueLocation RecordField(int record, string field) => new(true, field, record);

    public string Describe() => Record ? $"Record {Index} field '{Name}'" : $"Input '{Name}' element {Index}";
}
