using System.Collections.Concurrent;

namespace MarginEngine.Portfolio;

/// <summary>
/// Compiled unit grids shared by every account of one run: a grid depends only on the unit's parameters
/// and the index, both fixed for a snapshot. Thread-safe; grids are read-only once built.
/// </summary>
internal sealed class UnitGridCache
{
    private readonly ConcurrentDictionary<(RiskUnitParameters Parameters, double Index), UnitGrid> _grids = new();

    public UnitGrid Get(RiskUnitParameters parameters, double index) =>
        _grids.GetOrAdd((parameters, index), key => new UnitGrid(key.Parameters, key.Index));
}
