using MarginEngine.Instruments;
using MarginEngine.Portfolio;
using MarginEngine.Scenarios;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Kernels;

public class UnitGridTests
{
    [Theory]
    [InlineData(UnitCurrency.Usd, Settlement.Linear)]
    [InlineData(UnitCurrency.Usd, Settlement.Inverse)]
    [InlineData(UnitCurrency.Coin, Settlement.Linear)]
    [InlineData(UnitCurrency.Coin, Settlement.Inverse)]
    public void CompiledOptionRow_AgreesWithTheObjectPath(UnitCurrency currency, Settlement settlement)
    {
        // Two derivations of the same cell: the compiled row (hoisted lanes, A/B coefficients, vector kernel) and the
        // object path (Exposure.Pnl in the settlement currency, then converted as docs/methodology.md §Portfolio says).
        var unit = Unit(currency, extended: [new ExtendedMove(-0.5), new ExtendedMove(2)], extreme: [new ExtremeMove(0.3, 0.35)]);
        var grid = new UnitGrid(unit, 50_000);
        var market = Market([("P", 1_000)], [("P", 0.55)]);
        var exposure = PortfolioMarginCalculator.ToExposure(Option("P", OptionRight.Put, 47_000m, 20, settlement), -2.5, "P", market);
        var row = new double[grid.Width];
        grid.FillRow(exposure, new double[2 * grid.Width], row);

        for (var i = 0; i < grid.Count; i++)
        {
            var s = grid.Scenarios[i];
            var price = 50_000 * (1 + s.PriceMove);
            var pnl = exposure.Pnl(s.PriceMove, 50_000, s.Vol, unit.VolShock, s.VolFraction);
            var expected = s.Kind == ScenarioKind.Extended
                ? exposure.ToUsd(pnl, 50_000, price) * s.Weight / (currency == UnitCurrency.Usd ? 1 : 50_000 * (1 + Math.Sign(s.PriceMove) * 0.16))
                : s.Weight * (currency == UnitCurrency.Usd ? exposure.ToUsd(pnl, 50_000, price) : exposure.ToCoin(pnl, 50_000, price));
            row[i].Should().BeApproximately(expected, 1e-9 * Math.Max(1, Math.Abs(expected)));
        }

        row.Skip(grid.Count).Should().AllBeEquivalentTo(0.0, "padding lanes hold zeros");
    }
}
