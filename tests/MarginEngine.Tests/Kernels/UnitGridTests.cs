using MarginEngine.Compiled;
using MarginEngine.Instruments;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Kernels;

public class UnitGridTests
{
    /// <summary>Black-76 with MathNet's normal CDF, written out here (docs/methodology.md §Pricing): no library pricing code.</summary>
    private static double Black(OptionRight right, double f, double k, double vol, double t)
    {
        var sd = vol * Math.Sqrt(t);
        var d1 = Math.Log(f / k) / sd + sd / 2;
        var d2 = d1 - sd;
        return right == OptionRight.Call
            ? f * MathNet.Numerics.Distributions.Normal.CDF(0, 1, d1) - k * MathNet.Numerics.Distributions.Normal.CDF(0, 1, d2)
            : k * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -d2) - f * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -d1);
    }

    [Theory]
    [InlineData(UnitCurrency.Usd, Settlement.Linear)]
    [InlineData(UnitCurrency.Usd, Settlement.Inverse)]
    [InlineData(UnitCurrency.Coin, Settlement.Linear)]
    [InlineData(UnitCurrency.Coin, Settlement.Inverse)]
    public void CompiledOptionRow_IsTheHandRevaluationOfEveryCell(UnitCurrency currency, Settlement settlement)
    {
        // Short 2.5 puts K 47,000, 20 days, vol 0.55, index 50,000 (no rates: F = S). Each cell is derived here, independently:
        // vol up = 0.55 x (1 + 0.5 x (30/20)^0.3), down = 0.55 x (1 - 0.25 x (30/20)^0.3) (methodology §Vol shocks).
        // A cell is the change of the position's value in the unit's currency, whatever the option settles in: in USD
        // q (V(S') - V(S)), in coin q (V(S')/S' - V(S)/S), at the scenario price S' = 50,000 (1 + m). Weights: standard 1,
        // the extreme move its fraction 0.35; an extended cell (vol up) is the USD change x 0.16 / |m|, in a coin unit
        // divided by the edge price 50,000 (1 ± 0.16) (methodology §Portfolio, extended table).
        var unit = Unit(currency, extended: [new ExtendedMove(-0.5), new ExtendedMove(2)], extreme: [new ExtremeMove(0.3, 0.35)]);
        var grid = new UnitGrid(unit, 50_000);
        var market = Market([("P", 1_000)], [("P", 0.55)]);
        var exposure = RiskUnits.ToExposure(Option("P", OptionRight.Put, 47_000m, 20, settlement), -2.5, "P", market);
        var row = new double[grid.Width];
        grid.FillRow(exposure, new double[2 * grid.Width], row);

        const double s0 = 50_000, t = 20 / 365.0, q = -2.5;
        var termScale = Math.Pow(30 / 20.0, 0.3);
        var baseValue = Black(OptionRight.Put, s0, 47_000, 0.55, t);
        grid.Count.Should().Be(9 * 3 + 2 + 1, "9 price points x 3 vol states, 2 extended moves, 1 extreme move");
        for (var i = 0; i < grid.Count; i++)
        {
            var s = grid.Scenarios[i];
            var m = s.PriceMove;
            var price = s0 * (1 + m);
            var vol = s.Vol switch { VolState.Up => 0.55 * (1 + 0.5 * termScale), VolState.Down => 0.55 * (1 - 0.25 * termScale), _ => 0.55 };
            var value = Black(OptionRight.Put, price, 47_000, vol, t);
            var pnlUsd = q * (value - baseValue);
            var pnl = currency == UnitCurrency.Usd ? pnlUsd : q * (value / price - baseValue / s0);
            var expected = s.Kind switch
            {
                ScenarioKind.Extended => pnlUsd * 0.16 / Math.Abs(m) / (currency == UnitCurrency.Usd ? 1 : s0 * (1 + Math.Sign(m) * 0.16)),
                ScenarioKind.Extreme => 0.35 * pnl,
                _ => pnl,
            };
            row[i].Should().BeApproximately(expected, 1e-8 * Math.Max(1, Math.Abs(expected)), $"cell {i}: {s.Kind} {m:P0} vol {s.Vol}");
        }

        row.Skip(grid.Count).Should().AllBeEquivalentTo(0.0, "padding lanes hold zeros");
    }
}
