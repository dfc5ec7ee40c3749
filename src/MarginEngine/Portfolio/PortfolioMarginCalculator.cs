using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Collateral;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Numerics;
using MarginEngine.Pricing;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Portfolio;

/// <summary>
/// Portfolio margin (docs/methodology.md §Portfolio): every position without its own margin is
/// grouped into its underlying's risk unit, revalued under the unit's scenarios (options repriced
/// with Black-76), and the worst loss plus add-ons give the unit's risk-matrix margin; units combine
/// per the profile's aggregation; MM and IM follow the profile's relation. Isolated positions keep
/// their standard isolated margin; borrows add their standard margin.
/// </summary>
public static class PortfolioMarginCalculator
{
    /// <summary>Computes portfolio margin of <paramref name="account"/>.</summary>
    /// <exception cref="MissingRiskParameterException">The profile has no portfolio parameters, or none for an underlying held.</exception>
    /// <exception cref="MissingMarketDataException">A price or vol the book needs is missing.</exception>
    /// <exception cref="InvalidMarginInputException">An expired future or option.</exception>
    public static PortfolioMarginResult Calculate(Account account, MarketSnapshot market, RiskProfile profile) =>
        PortfolioRiskState.Create(account, market, profile).Result;

    /// <summary>
    /// Portfolio IM and MM only (unrounded USD, before isolated and borrow margin): the same computation as
    /// <see cref="Calculate"/> without the breakdown, for pre-trade checks and exchange-wide sweeps.
    /// </summary>
    /// <exception cref="MissingRiskParameterException">The profile has no portfolio parameters, or none for an underlying held.</exception>
    /// <exception cref="MissingMarketDataException">A price or vol the book needs is missing.</exception>
    /// <exception cref="InvalidMarginInputException">An expired future or option.</exception>
    public static MarginQuote Quote(Account account, MarketSnapshot market, RiskProfile profile) =>
        Compiled.CompiledBook.Compile(account, market, profile).Quote();

    /// <summary>Σ unit risk-matrix margins in USD and the offset taken off it by the aggregation (docs/methodology.md §Aggregation).</summary>
    internal static (double Total, double Offset) Aggregate(CrossUnitAggregation aggregation, ReadOnlySpan<UnitFigures> units)
    {
        var total = 0.0;
        foreach (var u in units)
            total += u.RiskMatrixUsd;
        switch (aggregation)
        {
            case CrossUnitAggregation.PairCredit credit:
                var offset = 0.0;
                var credited = 0UL;
                foreach (var pair in credit.Pairs)
                {
                    var a = IndexOf(units, pair.First);
                    var b = IndexOf(units, pair.Second);
                    if (a < 0 || b < 0 || (credited & ((1UL << a) | (1UL << b))) != 0 || Math.Sign(units[a].NetDelta) * Math.Sign(units[b].NetDelta) >= 0)
                        continue;
                    offset += pair.Rate * Math.Min(units[a].WorstLossUsd, units[b].WorstLossUsd);
                    credited |= (1UL << a) | (1UL << b);
                }

                return (total, offset);
            case CrossUnitAggregation.SpreadCredits spreads:
                return (total, SpreadCredit(spreads, units));
            case CrossUnitAggregation.ScanningSpreads scanning:
                return (total, ScanningCredit(scanning, units));
            case CrossUnitAggregation.Correlation correlation:
                var quadratic = 0.0;
                var sum = 0.0;
                for (var i = 0; i < units.Length; i++)
                {
                    var row = Row(correlation, units[i].Underlying);
                    sum += units[i].WorstLossUsd;
                    for (var j = 0; j < units.Length; j++)
                    {
                        quadratic += units[i].WorstLossUsd * units[i].Direction * correlation.Matrix[row][Row(correlation, units[j].Underlying)]
                            * units[j].Direction * units[j].WorstLossUsd;
                    }
                }

                return (total, sum - Math.Sqrt(Math.Max(quadratic, 0)));
            default:
                return (total, 0);
        }
    }

    /// <summary>
    /// SPAN inter-commodity spreads in priority order: n = min over legs of remaining delta / delta per spread (all legs
    /// oriented alike); each leg credited rate x n x |delta per spread| x worst loss / |net delta|; deltas consumed.
    /// </summary>
    private static double SpreadCredit(CrossUnitAggregation.SpreadCredits spreads, ReadOnlySpan<UnitFigures> units)
    {
        Span<double> remaining = units.Length <= 64 ? stackalloc double[units.Length] : new double[units.Length];
        for (var i = 0; i < units.Length; i++)
            remaining[i] = units[i].NetDelta;
        var credit = 0.0;
        foreach (var spread in spreads.Spreads)
        {
            var count = double.PositiveInfinity;
            var orientation = 0;
            foreach (var leg in spread.Legs)
            {
                var at = IndexOf(units, leg.Underlying);
                var ratio = at < 0 ? 0 : remaining[at] / leg.DeltaPerSpread;
                var sign = Math.Sign(ratio);
                if (sign == 0 || (orientation != 0 && sign != orientation))
                {
                    count = 0;
                    break;
                }

                orientation = sign;
                count = Math.Min(count, Math.Abs(ratio));
            }

            if (!(count > 0) || double.IsInfinity(count))
                continue;
            foreach (var leg in spread.Legs)
            {
                var at = IndexOf(units, leg.Underlying);
                var used = count * Math.Abs(leg.DeltaPerSpread);
                credit += spread.CreditRate * used * units[at].WorstLossUsd / Math.Abs(units[at].NetDelta);
                remaining[at] -= Math.Sign(remaining[at]) * used;
            }
        }

        return credit;
    }

    /// <summary>
    /// SPAN scanning-based spreads: per pair, the worst cell of (loser's loss - rate x gainer's gain), or both losses,
    /// on the units' cells before the gain offset, replaces the sum of the two worst losses; the credit is the difference.
    /// </summary>
    private static double ScanningCredit(CrossUnitAggregation.ScanningSpreads scanning, ReadOnlySpan<UnitFigures> units)
    {
        var credit = 0.0;
        var paired = 0UL;
        foreach (var pair in scanning.Pairs)
        {
            var a = IndexOf(units, pair.First);
            var b = IndexOf(units, pair.Second);
            if (a < 0 || b < 0 || (paired & ((1UL << a) | (1UL << b))) != 0)
                continue;
            var (x, y) = (units[a].CellsUsd!, units[b].CellsUsd!);
            if (x.Length != y.Length)
                throw new InvalidMarginInputException("aggregation.pairs",
                    $"a scanning spread between {pair.First} and {pair.Second} needs the same scenarios in both units ({x.Length} and {y.Length})");
            var requirement = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var loss = x[i] < 0 && y[i] < 0 ? -(x[i] + y[i])
                    : x[i] < 0 ? -x[i] - pair.Rate * y[i]
                    : y[i] < 0 ? -y[i] - pair.Rate * x[i]
                    : 0;
                requirement = Math.Max(requirement, loss);
            }

            credit += units[a].WorstLossUsd + units[b].WorstLossUsd - requirement;
            paired |= (1UL << a) | (1UL << b);
        }

        return credit;
    }

    internal static string Label(CrossUnitAggregation aggregation) => aggregation switch
    {
        CrossUnitAggregation.PairCredit => "pair credit",
        CrossUnitAggregation.SpreadCredits => "inter-commodity spreads",
        CrossUnitAggregation.ScanningSpreads => "scanning-based spreads",
        CrossUnitAggregation.Correlation => "correlation",
        _ => "none",
    };

    private static int IndexOf(ReadOnlySpan<UnitFigures> units, string underlying)
    {
        for (var i = 0; i < units.Length; i++)
        {
            if (units[i].Underlying == underlying)
                return i < 64 ? i : throw new InvalidMarginInputException("aggregation.pairs", "pair credit supports at most 64 risk units");
        }

        return -1;
    }

    private static int Row(CrossUnitAggregation.Correlation correlation, string underlying) =>
        correlation.Underlyings.IndexOf(underlying) is var i and >= 0 ? i : throw new MissingRiskParameterException("correlation", "correlation row", underlying);

    /// <summary>
    /// Account summary: equity with every option marked to market (long and short, Deribit), portfolio
    /// IM/MM plus isolated and borrow margins. The pool excludes isolated positions and their margins.
    /// </summary>
    internal static MarginReport Report(Account account, MarketSnapshot market, RiskProfile profile, double portfolioMm, double portfolioIm)
    {
        var collateral = CollateralValuation.Value(account, market, profile);
        var (collateralValue, haircutIm) = StandardMargin.Counted(collateral, profile);
        decimal poolPnl = 0m, isolatedPnl = 0m, optionValue = 0m, isolatedIm = 0m, isolatedMm = 0m, allocated = 0m;
        var pooledLines = new List<PositionMargin>();
        var pooledPnl = new Dictionary<string, decimal>(StringComparer.Ordinal);   // currency equity changes, for borrowing
        var isolatedLines = new List<PositionMargin>();
        var isolatedPositions = new List<Position>();
        var isolatedFigures = new List<PositionFigures>();
        foreach (var position in account.Positions)
        {
            if (position.IsolatedMargin is { } margin)
            {
                var f = StandardMath.Evaluate(position, market, profile);
                isolatedPnl += f.PnlUsd;
                isolatedIm += f.InitialMarginUsd;
                isolatedMm += f.MaintenanceMarginUsd;
                allocated += margin * f.SettlementToUsd;
                // OKX's currency equity counts the isolated equity (allocated margin + its P&L): docs/methodology.md §Collateral.
                pooledPnl[position.Instrument.SettlementAsset.Id] = pooledPnl.GetValueOrDefault(position.Instrument.SettlementAsset.Id) + margin + f.PnlSettlement;
                isolatedLines.Add(StandardMargin.IsolatedLine(position, f, profile));
                isolatedPositions.Add(position);
                isolatedFigures.Add(f);
            }
            else
            {
                var v = StandardMath.Value(position, market);
                poolPnl += v.PnlUsd;
                if (v.PnlSettlement != 0m)
                    pooledPnl[position.Instrument.SettlementAsset.Id] = pooledPnl.GetValueOrDefault(position.Instrument.SettlementAsset.Id) + v.PnlSettlement;
                optionValue += v.OptionValueUsd;
                pooledLines.Add(StandardMargin.Line(position, v, false, null, null, null));
            }
        }

        var openingFees = profile.Fees.ChargeOpeningFees
            ? account.Orders.Sum(o => OrderNotionalUsd(o, market) * profile.Fees.TakerRate)
            : 0m;
        var borrows = Borrowing.Lines(collateral, pooledPnl, id => StandardMath.Index(market, id), profile.Borrow);
        var borrowIm = borrows.Sum(b => b.Im);
        var borrowMm = borrows.Sum(b => b.Mm);
        var reserves = StandardMargin.Reserves(account, market);
        var poolIm = Rounding.ToDecimal(portfolioIm) + borrowIm + reserves.Sum(r => r.Usd) + haircutIm;
        var poolMm = Rounding.ToDecimal(portfolioMm) + borrowMm;
        var balance = collateralValue + poolPnl + optionValue - openingFees;
        return new MarginReport(
            MarginMethod.Portfolio,
            profile.Name,
            market.ValuationTime,
            [.. collateral.Select(StandardMargin.RoundedLine)],
            [.. pooledLines, .. isolatedLines],
            [],
            [.. borrows.Select(b => b.Line)],
            [.. reserves.Select(r => r.Line)],
            Rounding.Value(collateralValue),
            Rounding.Value(allocated),
            Rounding.Value(poolPnl + isolatedPnl),
            Rounding.Value(optionValue),
            Rounding.Requirement(openingFees),
            Rounding.Value(collateralValue + allocated + poolPnl + isolatedPnl + optionValue),
            Rounding.Requirement(poolIm + isolatedIm),
            Rounding.Requirement(poolMm + isolatedMm),
            Rounding.Value(balance),
            balance > 0m ? Rounding.Ratio(poolMm / balance) : null,
            Rounding.Value(Math.Max(0m, balance - poolIm)),
            UnroundedFigures.Of(collateralValue + allocated + poolPnl + isolatedPnl + optionValue, poolIm + isolatedIm, poolMm + isolatedMm, balance,
                Math.Max(0m, balance - poolIm), poolMm),
            StandardMargin.Warnings(isolatedPositions, isolatedFigures));
    }

    /// <summary>USD notional of a resting order at its limit: the premium for options, as in standard margin.</summary>
    private static decimal OrderNotionalUsd(OpenOrder order, MarketSnapshot market)
    {
        if (order.Instrument is not EuropeanOption option)
            return StandardMath.Notional(order.Instrument, order.Quantity, order.LimitPrice) * StandardMath.Index(market, order.Instrument.SettlementAsset.Id);
        var index = StandardMath.Index(market, option.Underlying.Id);
        StandardMath.CheckInverseOptionPrice(option, order.LimitPrice, index, $"orders[{option.Id}].limitPrice");
        return order.Quantity * option.ContractSize * StandardMath.OptionPriceUsd(option, order.LimitPrice, index)
            * (option.Settlement == Settlement.Linear ? StandardMath.Index(market, option.SettlementAsset.Id) : 1m);
    }
}
