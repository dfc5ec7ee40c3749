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
    public static PortfolioMarginResult Calculate(Account account, MarketSnapshot market, RiskProfile profile)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(profile);
        var portfolio = profile.GetPortfolio();

        var pooled = account.Positions.Where(p => !p.IsIsolated).ToList();
        var underlyings = pooled.Select(p => p.Instrument.Underlying.Id)
            .Concat(account.Orders.Select(o => o.Instrument.Underlying.Id))
            .Concat(account.Balances.Where(b => !b.Asset.IsStablecoin && b.Quantity != 0 && portfolio.Covers(b.Asset.Id)
                && portfolio.For(b.Asset.Id, profile.Name).IncludeCollateral).Select(b => b.Asset.Id))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var units = ImmutableArray.CreateBuilder<RiskUnitMargin>(underlyings.Count);
        foreach (var underlying in underlyings)
        {
            var p = portfolio.For(underlying, profile.Name);
            var index = market.GetIndexPrice(underlying);
            var exposures = pooled.Where(x => x.Instrument.Underlying.Id == underlying)
                .Select(x => ToExposure(x.Instrument, (double)x.Quantity, x.Instrument.Id, market))
                .ToList();
            if (p.IncludeCollateral && account.Balances.FirstOrDefault(b => b.Asset.Id == underlying) is { Quantity: not 0 } balance)
                exposures.Add(Exposure.Holding($"collateral:{underlying}", (double)balance.Quantity, index));
            var orders = account.Orders.Where(o => o.Instrument.Underlying.Id == underlying)
                .Select(o => ToExposure(o.Instrument, (double)o.SignedQuantity, $"order:{o.Id}", market))
                .ToList();
            units.Add(RiskUnitEngine.Evaluate(underlying, index, p, portfolio, exposures, orders));
        }

        var result = units.MoveToImmutable();
        var (riskMatrixUsd, offsetUsd, label) = Aggregate(portfolio.Aggregation, result);
        var ordersUsd = result.Sum(u => u.OpenOrdersMargin * u.UsdPerUnit);
        var (mm, im) = RiskUnitEngine.Relation(portfolio, riskMatrixUsd - offsetUsd, ordersUsd);
        return new PortfolioMarginResult(Report(account, market, profile, mm, im), result, label, riskMatrixUsd, offsetUsd);
    }

    /// <summary>
    /// Every pooled position of the account as exposures grouped by underlying, with coin collateral
    /// (non-stablecoin balances) added as holdings when <paramref name="includeAllCollateral"/>.
    /// </summary>
    internal static List<(string Underlying, List<Exposure> Exposures)> Exposures(Account account, MarketSnapshot market, bool includeAllCollateral)
    {
        var groups = new List<(string Underlying, List<Exposure> Exposures)>();
        List<Exposure> Group(string underlying)
        {
            var at = groups.FindIndex(g => g.Underlying == underlying);
            if (at >= 0)
                return groups[at].Exposures;
            groups.Add((underlying, []));
            return groups[^1].Exposures;
        }

        foreach (var position in account.Positions.Where(p => !p.IsIsolated))
            Group(position.Instrument.Underlying.Id).Add(ToExposure(position.Instrument, (double)position.Quantity, position.Instrument.Id, market));
        if (includeAllCollateral)
        {
            foreach (var balance in account.Balances.Where(b => !b.Asset.IsStablecoin && b.Quantity != 0))
                Group(balance.Asset.Id).Add(Exposure.Holding($"collateral:{balance.Asset.Id}", (double)balance.Quantity, market.GetIndexPrice(balance.Asset.Id)));
        }

        return groups;
    }

    private static Exposure ToExposure(Instrument instrument, double quantity, string id, MarketSnapshot market)
    {
        StandardMath.CheckLive(instrument, market);
        var index = market.GetIndexPrice(instrument.Underlying.Id);
        var settlementToUsd = instrument.Settlement == Settlement.Linear ? market.GetIndexPrice(instrument.SettlementAsset.Id) : 1;
        return instrument switch
        {
            Spot => Exposure.Spot(id, quantity, market.GetMarkPrice(instrument.Id), settlementToUsd),
            Perpetual => Exposure.Future(instrument, quantity, market.GetMarkPrice(instrument.Id), settlementToUsd, 0),
            Future f => Exposure.Future(instrument, quantity, market.GetMarkPrice(instrument.Id), settlementToUsd, YearFraction.Between(market.ValuationTime, f.Expiry)),
            EuropeanOption o => Exposure.ForOption(o, quantity, index, market.GetOptionVolatility(o, index), YearFraction.Between(market.ValuationTime, o.Expiry), settlementToUsd),
            _ => throw new InvalidMarginInputException($"instruments[{instrument.Id}]", "unsupported instrument kind"),
        };
    }

    /// <summary>Σ unit risk-matrix margins in USD, the offset taken off it, and the aggregation's label.</summary>
    private static (double Total, double Offset, string Label) Aggregate(CrossUnitAggregation aggregation, ImmutableArray<RiskUnitMargin> units)
    {
        var total = units.Sum(u => u.RiskMatrixMargin * u.UsdPerUnit);
        switch (aggregation)
        {
            case CrossUnitAggregation.PairCredit credit:
                var credited = new HashSet<string>(StringComparer.Ordinal);
                var offset = 0.0;
                foreach (var pair in credit.Pairs)
                {
                    var a = units.FirstOrDefault(u => u.Underlying == pair.First);
                    var b = units.FirstOrDefault(u => u.Underlying == pair.Second);
                    if (a is null || b is null || credited.Contains(a.Underlying) || credited.Contains(b.Underlying) || Math.Sign(a.NetDelta) * Math.Sign(b.NetDelta) >= 0)
                        continue;
                    offset += pair.Rate * Math.Min(a.WorstCaseLoss * a.UsdPerUnit, b.WorstCaseLoss * b.UsdPerUnit);
                    credited.Add(a.Underlying);
                    credited.Add(b.Underlying);
                }

                return (total, offset, "pair credit");
            case CrossUnitAggregation.Correlation correlation:
                var losses = units.Select(u => u.WorstCaseLoss * u.UsdPerUnit).ToArray();
                var directions = units.Select(u => u.WorstScenario.Scenario.PriceMove < 0 ? -1.0 : 1.0).ToArray();
                var rows = units.Select(u => correlation.Underlyings.IndexOf(u.Underlying) is var i and >= 0
                    ? i
                    : throw new MissingRiskParameterException("correlation", "correlation row", u.Underlying)).ToArray();
                var quadratic = 0.0;
                for (var i = 0; i < losses.Length; i++)
                {
                    for (var j = 0; j < losses.Length; j++)
                        quadratic += losses[i] * directions[i] * correlation.Matrix[rows[i]][rows[j]] * directions[j] * losses[j];
                }

                return (total, losses.Sum() - Math.Sqrt(Math.Max(quadratic, 0)), "correlation");
            default:
                return (total, 0, "none");
        }
    }

    /// <summary>
    /// Account summary: equity with every option marked to market (long and short, Deribit), portfolio
    /// IM/MM plus isolated and borrow margins. The pool excludes isolated positions and their margins.
    /// </summary>
    private static MarginReport Report(Account account, MarketSnapshot market, RiskProfile profile, double portfolioMm, double portfolioIm)
    {
        var collateral = CollateralValuation.Value(account, market, profile);
        var collateralValue = collateral.Sum(c => c.CollateralValue);
        decimal poolPnl = 0m, isolatedPnl = 0m, optionValue = 0m, isolatedIm = 0m, isolatedMm = 0m, allocated = 0m;
        var pooledLines = new List<PositionMargin>();
        var isolatedLines = new List<PositionMargin>();
        foreach (var position in account.Positions)
        {
            if (position.IsolatedMargin is { } margin)
            {
                var f = StandardMath.Evaluate(position, market, profile);
                isolatedPnl += f.PnlUsd;
                isolatedIm += f.InitialMarginUsd;
                isolatedMm += f.MaintenanceMarginUsd;
                allocated += margin * f.SettlementToUsd;
                isolatedLines.Add(StandardMargin.IsolatedLine(position, f, profile));
            }
            else
            {
                var v = StandardMath.Value(position, market);
                poolPnl += v.PnlUsd;
                optionValue += v.OptionValueUsd;
                pooledLines.Add(StandardMargin.Line(position, v with { OptionValueUsd = v.LongOptionValueUsd }, false, null, null, null));
            }
        }

        var openingFees = profile.Fees.ChargeOpeningFees
            ? account.Orders.Sum(o => OrderNotionalUsd(o, market) * profile.Fees.TakerRate)
            : 0m;
        var borrowed = collateral.Where(c => c.Quantity < 0m).Sum(c => -c.GrossValue);
        var borrowIm = borrowed * profile.Borrow.InitialMarginRate;
        var borrowMm = borrowed * profile.Borrow.MaintenanceMarginRate;
        var poolIm = Rounding.ToDecimal(portfolioIm) + borrowIm;
        var poolMm = Rounding.ToDecimal(portfolioMm) + borrowMm;
        var balance = collateralValue + poolPnl + optionValue - openingFees;
        return new MarginReport(
            MarginMethod.Portfolio,
            profile.Name,
            market.ValuationTime,
            [.. collateral.Select(StandardMargin.RoundedLine)],
            [.. pooledLines, .. isolatedLines],
            [],
            [.. collateral.Where(c => c.Quantity < 0m).Select(c => new BorrowMargin(c.Asset.Id, Rounding.Requirement(-c.GrossValue),
                Rounding.Requirement(-c.GrossValue * profile.Borrow.InitialMarginRate), Rounding.Requirement(-c.GrossValue * profile.Borrow.MaintenanceMarginRate)))],
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
            Rounding.Value(Math.Max(0m, balance - poolIm)));
    }

    /// <summary>USD notional of a resting order at its limit: the premium for options, as in standard margin.</summary>
    private static decimal OrderNotionalUsd(OpenOrder order, MarketSnapshot market) => order.Instrument switch
    {
        EuropeanOption option => order.Quantity * option.ContractSize
            * StandardMath.OptionPriceUsd(option, order.LimitPrice, StandardMath.Index(market, option.Underlying.Id))
            * (option.Settlement == Settlement.Linear ? StandardMath.Index(market, option.SettlementAsset.Id) : 1m),
        _ => StandardMath.Notional(order.Instrument, order.Quantity, order.LimitPrice) * StandardMath.Index(market, order.Instrument.SettlementAsset.Id),
    };
}
