namespace MarginEngine.Tests.Architecture;

/// <summary>The design rule: dependencies between the library's concepts only point down (<see cref="Layers"/>).</summary>
public class LayerTests
{
    [Fact]
    public void EveryConcept_IsInALayer()
    {
        NamespaceGraph.Edges.Keys.Where(c => Layers.Of(c) < 0).Should().BeEmpty("each concept of the assembly has its layer");
    }

    [Fact]
    public void Concepts_UseOnlyLowerLayers_ApartFromTheListedDebt()
    {
        var violations = NamespaceGraph.Edges
            .SelectMany(e => e.Value.Select(to => (From: e.Key, To: to)))
            .Where(e => Layers.Of(e.To) >= Layers.Of(e.From))
            .Select(e => $"{e.From} -> {e.To} ({Layers.Of(e.From)} -> {Layers.Of(e.To)}){Evidence(e.From, e.To)}")
            .ToList();
        var debt = Layers.Debt.Select(d => (d.From, d.To)).ToHashSet();
        violations.Where(v => !debt.Any(d => v.StartsWith($"{d.From} -> {d.To} ", StringComparison.Ordinal)))
            .Should().BeEmpty("a concept uses only concepts of lower layers (tests/MarginEngine.Tests/Architecture/Layers.cs)");
        Layers.Debt.Where(d => !NamespaceGraph.Edges.TryGetValue(d.From, out var uses) || !uses.Contains(d.To))
            .Select(d => $"{d.From} -> {d.To}")
            .Should().BeEmpty("a debt entry the code no longer has is removed from the list");
    }

    [Fact]
    public void TheGraph_HasNoCycle_BesideTheListedDebt()
    {
        // Follows from the layering; checked on its own (without the listed debt) so a new cycle is named by its concepts.
        var debt = Layers.Debt.Select(d => (d.From, d.To)).ToHashSet();
        var edges = NamespaceGraph.Edges.ToDictionary(e => e.Key, e => e.Value.Where(to => !debt.Contains((e.Key, to))).ToList());
        var cycles = new List<string>();
        foreach (var start in edges.Keys)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>(edges[start]);
            while (stack.TryPop(out var next))
            {
                if (next == start)
                {
                    cycles.Add(start);
                    break;
                }

                if (seen.Add(next) && edges.TryGetValue(next, out var uses))
                    foreach (var u in uses)
                        stack.Push(u);
            }
        }

        cycles.Should().BeEmpty("no concept reaches itself through the ones it uses");
    }

    private static string Evidence(string from, string to)
    {
        var example = NamespaceGraph.Library.Types
            .Where(t => NamespaceGraph.ConceptOf(t) == from)
            .SelectMany(t => t.Dependencies.Where(d => NamespaceGraph.ConceptOf(d.Target) == to).Select(d => $"{t.Name} uses {d.Target.Name}"))
            .FirstOrDefault();
        return example is null ? "" : $": {example}";
    }
}
