namespace Cairn.Pipelines.Spec;

public sealed partial class PipelineSpecParser
{
    /// <summary>Reports each dependency cycle once, naming its steps in order.</summary>
    private static void CheckCycles(List<StepSpec> steps, Action<SpecLocation, string> problem)
    {
        var byId = steps.ToDictionary(s => s.Id);
        var state = new Dictionary<string, int>(); // 0 unvisited, 1 on the stack, 2 done
        var stack = new List<string>();
        var reported = new HashSet<string>();

        void Visit(string id)
        {
            state[id] = 1;
            stack.Add(id);
            foreach (var need in byId[id].Needs.Where(byId.ContainsKey))
            {
                var s = state.GetValueOrDefault(need);
                if (s == 0)
                {
                    Visit(need);
                }
                else if (s == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(need)).ToList();
                    if (reported.Add(string.Join(",", cycle.Order())))
                    {
                        // Written in the direction work flows: upstream → downstream.
                        cycle.Reverse();
                        var path = string.Join(" -> ", cycle.Append(cycle[0]));
                        problem(byId[need].Location, $"dependency cycle: {path}");
                    }
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }

        foreach (var step in steps)
        {
            if (state.GetValueOrDefault(step.Id) == 0)
            {
                Visit(step.Id);
            }
        }
    }
}
