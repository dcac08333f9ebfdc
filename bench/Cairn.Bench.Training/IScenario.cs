namespace Cairn.Bench.Training;

/// <summary>One benchmark case: the same training done raw and through Cairn; each returns its headline metric.</summary>
internal interface IScenario
{
    string Name { get; }

    double RunRaw();

    double RunCairn();
}
