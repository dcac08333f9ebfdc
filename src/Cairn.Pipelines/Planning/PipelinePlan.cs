using Cairn.Pipelines.Spec;

namespace Cairn.Pipelines.Planning;

/// <summary>The DAG of a valid spec: a topological order, and each step's upstream and downstream steps.</summary>
public sealed class PipelinePlan
{
    private readonly Dictionary<string, IReadOnlyList<string>> _downstream;
    private readonly Dictionary<string, StepSpec> _steps;

    public PipelinePlan(PipelineSpec spec)
    {
        _steps = spec.Steps.ToDictionary(s => s.Id);
        _downstream = spec.Steps.ToDictionary(s => s.Id, s => (IReadOnlyList<string>)spec.Steps.Where(d => d.Needs.Contains(s.Id)).Select(d => d.Id).ToList());

        // Kahn's algorithm, taking ready steps in spec order so the order is stable and readable.
        var remaining = spec.Steps.ToDictionary(s => s.Id, s => s.Needs.Count);
        var order = new List<string>();
        var ready = new Queue<string>(spec.Steps.Where(s => s.Needs.Count == 0).Select(s => s.Id));
        while (ready.Count > 0)
        {
            var id = ready.Dequeue();
            order.Add(id);
            foreach (var d in _downstream[id])
            {
                if (--remaining[d] == 0)
                {
                    ready.Enqueue(d);
                }
            }
        }

        if (order.Count != spec.Steps.Count)
        {
            throw new InvalidOperationException("The spec has a cycle; the parser should have rejected it.");
        }

        Order = order;
    }

    /// <summary>Every step, each after all of its upstream steps.</summary>
    public IReadOnlyList<string> Order { get; }

    public StepSpec Step(string id) => _steps[id];

    public IReadOnlyList<string> Upstream(string id) => _steps[id].Needs;

    public IReadOnlyList<string> Downstream(string id) => _downstream[id];

    /// <summary>Steps whose upstream steps are all done and that have not started (fan-in: every need must be done).</summary>
    public IEnumerable<string> Ready(Func<string, bool> isDone, Func<string, bool> hasStarted) =>
        Order.Where(id => !hasStarted(id) && Upstream(id).All(isDone));

    /// <summary>The step and everything transitively downstream of it.</summary>
    public IReadOnlySet<string> DownstreamClosure(string id)
    {
        var seen = new HashSet<string>();
        var todo = new Stack<string>([id]);
        while (todo.TryPop(out var s))
        {
            if (seen.Add(s))
            {
                foreach (var d in _downstream[s])
                {
                    todo.Push(d);
                }
            }
        }

        return seen;
    }
}
