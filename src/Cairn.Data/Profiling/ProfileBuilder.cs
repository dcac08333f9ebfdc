using Cairn.Data.Reading;
using Cairn.Data.Tables;

namespace Cairn.Data.Profiling;

/// <summary>The sink that infers the schema and computes the profile in one pass over the rows.</summary>
internal sealed class ProfileBuilder(ProfileOptions? options = null) : IRecordSink
{
    private readonly ProfileOptions _options = options ?? ProfileOptions.Default;
    private readonly List<ColumnAccumulator> _columns = [];
    private ColumnAccumulator[] _array = [];
    private long _rows;

    public void OnColumns(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            OnColumnAdded(name);
        }
    }

    public void OnColumnAdded(string name)
    {
        // Each column gets its own stream of random numbers, so samples do not depend on column order.
        var seed = (ulong)_options.SampleSeed ^ ((ulong)(_columns.Count + 1) * 0x9E3779B97F4A7C15UL);
        var column = new ColumnAccumulator(name, _options, seed);
        column.AddMissing(_rows);
        _columns.Add(column);
        _array = [.. _columns];
    }

    public void OnRecord(in Record record)
    {
        _rows++;
        var columns = _array;
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].Add(record[i]);
        }
    }

    public (DatasetSchema Schema, DatasetProfile Profile) Finish()
    {
        var results = _columns.Select(c => c.Finish(_rows)).ToList();
        var profile = new DatasetProfile
        {
            RowCount = _rows,
            Columns = [.. results.Select(r => r.Profile)],
            SampleCapacity = _options.SampleCapacity,
            SampleSeed = _options.SampleSeed,
        };
        return (new DatasetSchema([.. results.Select(r => r.Schema)]), profile);
    }
}
