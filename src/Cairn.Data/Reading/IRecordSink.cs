namespace Cairn.Data.Reading;

/// <summary>Receives what a reader streams: the column names, then every row. Profiling, table building and validation are sinks.</summary>
internal interface IRecordSink
{
    /// <summary>The columns known before the first row (the CSV header, the Parquet schema, or none for JSON).</summary>
    void OnColumns(IReadOnlyList<string> names);

    /// <summary>A column first seen after some rows (a JSON key absent from earlier objects): those rows lack it.</summary>
    void OnColumnAdded(string name);

    void OnRecord(in Record record);
}
