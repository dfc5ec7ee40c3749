using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Compiled;
using MarginEngine.MarketData;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;
using MarginEngine.Scenarios;
using MathNet.Numerics.Statistics;

namespace MarginEngine.History;

/// <summary>
/// Historical simulation (docs/methodology.md §Historical): each date's joint returns of every underlying
/// move the whole account at once (options repriced at unchanged vol, coin collateral revalued), so the
/// correlation between units is in the scenarios themselves. Margin = VaR or ES of the account's USD P&amp;L
/// at a confidence level, optionally floored by the stress grid.
/// </summary>
public static class HistoricalVarCalculator
{
    /// <summary>Computes the historical margin of <paramref name="account"/>.</summary>
    /// <exception cref="Errors.MissingMarketDataException">An underlying without a price series, price or vol.</exception>
    /// <exception cref="Errors.MissingRiskParameterException">A grid floor asked for without portfolio parameters.</exception>
    public static HistoricalVarResult Calculate(Account account, MarketSnapshot market, RiskProfile profile, PriceHistory history, HistoricalVarParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(parameters);
        var exposures = RiskUnits.Exposures(account, market, includeAllCollateral: true);
        var noShock = new VolShock(0, 0);
        var h = parameters.HorizonDays;
        if (history.Dates.Length <= h)
            throw new Errors.InvalidMarginInputException("history.dates", $"needs more than {h} dates for a {h}-day horizon");

        var scenarios = ImmutableArray.CreateBuilder<(NodaTime.LocalDate, double)>(history.Dates.Length - h);
        for (var row = h; row < history.Dates.Length; row++)
        {
            var total = 0.0;
            foreach (var (underlying, list) in exposures)
            {
                var index = market.GetIndexPrice(underlying);
                var move = history.Return(underlying, row, h);
                var price = index * (1 + move);
                foreach (var e in list)
                    total += e.ToUsd(e.Pnl(move, index, VolState.Same, noShock), index, price);
            }

            scenarios.Add((history.Dates[row], total));
        }

        var pnls = scenarios.Select(s => s.Item2).ToArray();
        var sorted = pnls.Order().ToArray();
        var quantile = SortedArrayStatistics.QuantileCustom(sorted, 1 - parameters.Confidence, QuantileDefinition.EmpiricalInvCDF);
        var valueAtRisk = Math.Max(0, -quantile);
        var tail = sorted.Where(p => p <= quantile).ToArray();
        var shortfall = Math.Max(0, -tail.Average());
        var measure = parameters.Measure == RiskMeasure.ValueAtRisk ? valueAtRisk : shortfall;
        double? grid = parameters.FloorByStressGrid
            ? (double)PortfolioMarginCalculator.Calculate(account, market, profile).Report.InitialMargin
            : null;
        var worst = Array.IndexOf(pnls, sorted[0]);
        return new HistoricalVarResult(Math.Max(measure, grid ?? 0), valueAtRisk, shortfall, grid, scenarios[worst].Item1, sorted[0], scenarios.MoveToImmutable());
    }
}
