using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace MarginEngine.Tests.Architecture;

/// <summary>
/// Which concept (the namespace below <c>MarginEngine</c>, one per folder) uses which, read from the built assembly:
/// every type's dependencies (base types, members, signatures, method bodies), as ArchUnitNET decodes them.
/// </summary>
internal static class NamespaceGraph
{
    private const string Root = "MarginEngine.";

    public static readonly ArchUnitNET.Domain.Architecture Library =
        new ArchLoader().LoadAssemblies(typeof(MarginEngine.Assets.Asset).Assembly).Build();

    /// <summary>Each concept with the concepts it uses (never itself).</summary>
    public static IReadOnlyDictionary<string, SortedSet<string>> Edges { get; } = Build();

    /// <summary>A type's concept: <c>Modes</c> for <c>MarginEngine.Modes.StandardMath</c>; null outside the library's concepts.</summary>
    public static string? ConceptOf(IType type)
    {
        var name = type.Namespace?.FullName ?? "";
        if (!name.StartsWith(Root, StringComparison.Ordinal))
            return null;
        var rest = name[Root.Length..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    private static Dictionary<string, SortedSet<string>> Build()
    {
        var edges = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in Library.Types)
        {
            if (ConceptOf(type) is not { } from)
                continue;
            if (!edges.TryGetValue(from, out var set))
                edges[from] = set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var dependency in type.Dependencies)
            {
                if (ConceptOf(dependency.Target) is { } to && to != from)
                    set.Add(to);
            }
        }

        return edges;
    }
}
