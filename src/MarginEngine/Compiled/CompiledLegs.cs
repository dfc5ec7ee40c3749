using MarginEngine.Kernels;

namespace MarginEngine.Compiled;

/// <summary>
/// A risk unit's legs (its book, or its resting orders) compiled for the unit's grid: each leg's exposure, and for the
/// options the vector kernel reprices, the kernel constants and σ'√T per vol level, so an evaluation does no market
/// look-up, decimal conversion or vol-shock arithmetic per leg.
/// </summary>
internal sealed class CompiledLegs
{
    private readonly UnitGrid _grid;
    private readonly OptionLanes[] _options;
    private readonly double[] _levels;
    private readonly bool[] _kernel;

    public CompiledLegs(UnitGrid grid, IReadOnlyList<Exposure> exposures, CompiledMarket? compiled = null)
    {
        _grid = grid;
        Exposures = exposures;
        var stride = 2 * grid.LevelCount;
        _options = new OptionLanes[exposures.Count];
        _levels = new double[exposures.Count * stride];
        _kernel = new bool[exposures.Count];
        for (var k = 0; k < exposures.Count; k++)
        {
            if (!UnitGrid.IsKernelOption(exposures[k]))
                continue;
            _kernel[k] = true;
            if (compiled is null)
            {
                _options[k] = grid.CompileOption(exposures[k], _levels.AsSpan(k * stride, stride));
                continue;
            }

            (_options[k], var levels) = compiled.Option(grid, exposures[k]);
            levels.CopyTo(_levels, k * stride);
        }
    }

    /// <summary>The legs, in the order their rows are summed.</summary>
    public IReadOnlyList<Exposure> Exposures { get; }

    public int Count => Exposures.Count;

    /// <summary>Writes leg <paramref name="k"/>'s unit P&amp;L in every scenario (<see cref="UnitGrid.Width"/> lanes).</summary>
    public void Fill(int k, Span<double> scratch, Span<double> row)
    {
        if (_kernel[k])
            _grid.OptionRow(_options[k], Levels(k), scratch, row, accumulate: false);
        else
            _grid.FillRow(Exposures[k], scratch, row);
    }

    /// <summary>Adds leg <paramref name="k"/>'s row to <paramref name="cells"/>: bitwise <see cref="Fill"/> then <see cref="ScenarioKernels.Accumulate"/>.</summary>
    public void AddTo(int k, Span<double> scratch, Span<double> row, Span<double> cells)
    {
        if (_kernel[k])
        {
            _grid.OptionRow(_options[k], Levels(k), scratch, cells, accumulate: true);
            return;
        }

        _grid.FillRow(Exposures[k], scratch, row);
        ScenarioKernels.Accumulate(row, cells);
    }

    private ReadOnlySpan<double> Levels(int k) => _levels.AsSpan(k * 2 * _grid.LevelCount, 2 * _grid.LevelCount);
}
