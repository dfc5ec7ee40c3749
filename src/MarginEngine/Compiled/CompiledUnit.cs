using MarginEngine.Profiles;

namespace MarginEngine.Compiled;

/// <summary>One risk unit of a <see cref="CompiledBook"/>: its scenario grid at the snapshot's index, its compiled book legs and orders.</summary>
internal sealed class CompiledUnit(string underlying, double confidence, UnitGrid grid, CompiledLegs book, CompiledLegs orders)
{
    public string Underlying { get; } = underlying;

    /// <summary>The oracle confidence of the underlying's index (1 when the snapshot carries none).</summary>
    public double Confidence { get; } = confidence;

    public UnitGrid Grid { get; } = grid;

    public double Index => Grid.Index;

    public RiskUnitParameters Parameters => Grid.Parameters;

    public CompiledLegs Book { get; } = book;

    public CompiledLegs Orders { get; } = orders;
}
