namespace MarginEngine.Tests.Architecture;

/// <summary>docs/architecture.md's folder table says what each concept depends on; the built assembly agrees.</summary>
public class ArchitectureDocTests
{
    private static Dictionary<string, SortedSet<string>> Documented()
    {
        var lines = File.ReadAllLines(Path.Combine(TestFiles.Repository, "docs", "architecture.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("| Folder | Concept | Depends on |", StringComparison.Ordinal));
        start.Should().BeGreaterThan(0, "docs/architecture.md has the folder table");
        return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(
                cells => cells[1].Trim('`', '/'),
                cells => new SortedSet<string>(cells[3] is "–" or "-" ? [] : cells[3].Split(',').Select(d => d.Trim()), StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    [Fact]
    public void DependsOnColumn_IsTheAssemblysNamespaceGraph()
    {
        // Every concept of the assembly has a row, and its "Depends on" cell lists exactly the concepts its types use.
        var documented = Documented();
        var actual = NamespaceGraph.Edges;
        var problems = new List<string>();
        foreach (var (concept, uses) in actual.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!documented.TryGetValue(concept, out var listed))
                problems.Add($"no row for {concept} (uses {string.Join(", ", uses)})");
            else if (!listed.SetEquals(uses))
                problems.Add($"{concept}: documented {string.Join(", ", listed)}; uses {string.Join(", ", uses)}");
        }

        foreach (var concept in documented.Keys.Where(k => !actual.ContainsKey(k)))
            problems.Add($"row for {concept}, which the assembly has no types in");
        problems.Should().BeEmpty();
    }
}
