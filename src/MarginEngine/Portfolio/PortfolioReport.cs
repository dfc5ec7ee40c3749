using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Numerics;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Portfolio;

/// <summary>The account summary of portfolio margin: collateral, isolated positions and borrows around the units' IM and MM.</summary>
internal static class PortfolioReport
{
    /// <summary>
    /// Account summary: equity with every option marked to market (long and short, Deribit), portfolio
    /// IM/MM plus isolated and borrow margins. The pool excludes isolated positions and their margins.
    /// </summary>
    internal static MarginReport Of(Account account, MarketSnapshot market, RiskProfile profile, double portfolioMm, double portfolioIm)
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
