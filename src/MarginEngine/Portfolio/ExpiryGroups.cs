using MarginEngine.Compiled;
using MarginEngine.Kernels;
using MarginEngine.Scenarios;

namespace MarginEngine.Portfolio;

/// <summary>
/// A unit's options summed per expiry before a step that is not linear in the options (docs/methodology.md §Expiry
/// aggregation): Derive's static discount by the sign of each expiry's shocked value, and its loss-only skew cells per
/// expiry. Each expiry's cells then join the unit's, in the order the expiries were first met.
/// </summary>
internal sealed class ExpiryGroups
{
    private readonly UnitGrid _grid;
    private readonly List<Group> _groups;

    public ExpiryGroups(UnitGrid grid)
    {
        _grid = grid;
        _groups = [];
    }

    private ExpiryGroups(ExpiryGroups other)
    {
        _grid = other._grid;
        _groups = [.. other._groups.Select(g => g with { Sums = (double[])g.Sums.Clone() })];
    }

    /// <summary>An independent copy (orders are added to it).</summary>
    public ExpiryGroups Clone() => new(this);

    /// <summary>Adds an option's row to its expiry; false (nothing done) for any other exposure.</summary>
    public bool Add(Exposure e, ReadOnlySpan<double> row)
    {
        if (e.Kind != ExposureKind.Option)
            return false;
        var at = _groups.FindIndex(g => g.Years.Equals(e.Years));
        if (at < 0)
        {
            _groups.Add(new Group(e.Years, e.Discount, new double[_grid.Width], 0));
            at = _groups.Count - 1;
        }

        var group = _groups[at];
        ScenarioKernels.Accumulate(row, group.Sums);
        var mtm = e.BaseValue(_grid.Index) * (e.CoinSettled ? _grid.Index : e.SettlementToUsd);
        _groups[at] = group with { Mtm = group.Mtm + mtm };
        return true;
    }

    /// <summary>Adds every expiry's transformed cells to <paramref name="cells"/>.</summary>
    public void AddTo(Span<double> cells)
    {
        var p = _grid.Parameters;
        foreach (var g in _groups)
        {
            var factors = p.StaticDiscount?.Factors(g.Years, g.Discount);
            for (var i = 0; i < _grid.Count; i++)
            {
                var s = _grid.Scenarios[i];
                var pnl = g.Sums[i];
                if (factors is { } f && _grid.A[i] > 0)
                {
                    // The row is weight x (value - base): recover the shocked value X, scale it by the sign's factor.
                    var shocked = g.Mtm + pnl / _grid.A[i];
                    pnl = _grid.A[i] * ((shocked >= 0 ? f.Positive : f.Negative) * shocked - g.Mtm);
                }

                if (s.Kind is ScenarioKind.SkewLinear or ScenarioKind.SkewAbsolute && p.Skew is { Sign: SkewSign.LossOnlyPerExpiry })
                    pnl = -Math.Abs(pnl);
                cells[i] += pnl;
            }
        }
    }

    private sealed record Group(double Years, double Discount, double[] Sums, double Mtm);
}
