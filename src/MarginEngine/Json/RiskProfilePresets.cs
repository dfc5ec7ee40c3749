using System.Collections.Immutable;
using MarginEngine.Errors;
using MarginEngine.Profiles;

namespace MarginEngine.Json;

/// <summary>
/// Venue presets shipped inside the package as JSON (sources and dates in docs/presets.md). Copy
/// one with <see cref="GetJson"/> to edit it.
/// </summary>
public static class RiskProfilePresets
{
    private const string Prefix = "MarginEngine.Presets.";

    /// <summary>Names of the shipped presets, e.g. <c>binance</c>.</summary>
    public static ImmutableArray<string> Names { get; } =
    [
        .. typeof(RiskProfilePresets).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The preset named <paramref name="name"/>.</summary>
    /// <exception cref="ConfigurationException">No preset of that name.</exception>
    public static RiskProfile Get(string name) => RiskProfileJson.Read(GetJson(name), $"preset '{name}'");

    /// <summary>The JSON text of the preset named <paramref name="name"/>.</summary>
    /// <exception cref="ConfigurationException">No preset of that name.</exception>
    public static string GetJson(string name)
    {
        using var stream = typeof(RiskProfilePresets).Assembly.GetManifestResourceStream($"{Prefix}{name}.json")
            ?? throw new ConfigurationException("presets", "$.profile", $"unknown preset '{name}' (known: {string.Join(", ", Names)})");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
