using System.Collections.Concurrent;
using MarginEngine.Instruments;
using MarginEngine.Kernels;
using MarginEngine.MarketData;
using MarginEngine.Profiles;

namespace MarginEngine.Compiled;

/// <summary>
/// A snapshot and a profile compiled once for every account margined against them (docs/architecture.md §Compiled
/// book): each risk unit's scenario grid, and each instrument's figures (time to expiry, forward, discount, vol, delta
/// per contract; for an option, its kernel constants and σ'√T per vol level in each unit), built the first time an
/// account holds the instrument and reused by every later account, what-if and sweep step. A book compiled against it
/// gives the same bits as one compiled alone. Thread-safe; it grows with the instruments seen, so keep one per snapshot.
/// </summary>
public sealed class CompiledMarket
{
    private readonly ConcurrentDictionary<string, (Instrument Instrument, Exposure PerContract)> _perContract = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(UnitGrid Grid, string Instrument), (OptionLanes Lanes, double[] Levels)> _options = new();
    private readonly ConcurrentDictionary<(RiskUnitParameters Parameters, double Index), UnitGrid> _grids = new();

    private CompiledMarket(MarketSnapshot market, RiskProfile profile)
    {
        Market = market;
        Profile = profile;
        Portfolio = profile.GetPortfolio().At(market);
    }

    /// <summary>The snapshot.</summary>
    public MarketSnapshot Market { get; }

    /// <summary>The profile.</summary>
    public RiskProfile Profile { get; }

    internal PortfolioParameters Portfolio { get; }

    /// <summary>The unit's scenario grid at <paramref name="index"/>, built once per (unit parameters, index).</summary>
    internal UnitGrid Grid(RiskUnitParameters parameters, double index) =>
        _grids.GetOrAdd((parameters, index), static key => new UnitGrid(key.Parameters, key.Index));

    /// <summary>Prepares <paramref name="market"/> under <paramref name="profile"/>; instruments are compiled as accounts bring them.</summary>
    /// <exception cref="Errors.MissingRiskParameterException">The profile has no portfolio parameters.</exception>
    public static CompiledMarket Create(MarketSnapshot market, RiskProfile profile)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(profile);
        return new CompiledMarket(market, profile);
    }

    /// <summary>
    /// <paramref name="quantity"/> contracts of <paramref name="instrument"/> as an exposure, from the instrument's compiled
    /// figures; an instrument that differs from the one first compiled under its id is compiled on its own, not cached.
    /// </summary>
    internal Exposure Exposure(Instrument instrument, double quantity, string id)
    {
        var (known, perContract) = _perContract.GetOrAdd(instrument.Id,
            static (_, state) => (state.Instrument, RiskUnits.ToExposure(state.Instrument, 1, state.Instrument.Id, state.Market)),
            (Instrument: instrument, Market));
        return known.Equals(instrument) ? perContract.WithQuantity(id, quantity) : RiskUnits.ToExposure(instrument, quantity, id, Market);
    }

    /// <summary>Writes a leg's unit P&amp;L in every scenario of <paramref name="grid"/>, an option from its compiled constants.</summary>
    internal void FillRow(UnitGrid grid, Exposure leg, Span<double> scratch, Span<double> row)
    {
        if (!UnitGrid.IsKernelOption(leg))
        {
            grid.FillRow(leg, scratch, row);
            return;
        }

        var (lanes, levels) = Option(grid, leg);
        grid.OptionRow(lanes, levels, scratch, row, accumulate: false);
    }

    /// <summary>Adds a leg's unit P&amp;L to <paramref name="cells"/>: bitwise <see cref="FillRow"/> then adding the row; an option's row is never written.</summary>
    internal void AddRow(UnitGrid grid, Exposure leg, Span<double> scratch, Span<double> row, Span<double> cells)
    {
        if (!UnitGrid.IsKernelOption(leg))
        {
            grid.FillRow(leg, scratch, row);
            ScenarioKernels.Accumulate(row[..grid.Width], cells);
            return;
        }

        var (lanes, levels) = Option(grid, leg);
        grid.OptionRow(lanes, levels, scratch, cells, accumulate: true);
    }

    /// <summary>An option leg's kernel constants in <paramref name="grid"/> and its σ'√T per vol level (shared; do not write).</summary>
    internal (OptionLanes Lanes, double[] Levels) Option(UnitGrid grid, Exposure leg)
    {
        var option = leg.Option!;
        if (!_perContract.TryGetValue(option.Id, out var known) || !known.Instrument.Equals(option))
        {
            var own = new double[2 * grid.LevelCount];
            return (grid.CompileOption(leg, own), own);
        }

        var (lanes, levels) = _options.GetOrAdd((grid, option.Id), static (_, state) =>
        {
            var levels = new double[2 * state.Grid.LevelCount];
            return (state.Grid.CompileOption(state.Leg, levels), levels);
        }, (Grid: grid, Leg: leg));
        return (lanes with { Scale = UnitGrid.KernelScale(leg) }, levels);
    }
}
