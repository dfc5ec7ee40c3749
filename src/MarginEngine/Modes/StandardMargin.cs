using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Collateral;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Numerics;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Modes;

/// <summary>
/// Builds isolated and cross reports from the same per-position arithmetic (docs/methodology.md §Cross,
/// §Isolated). Totals (equity, IM, MM) cover the whole account under either method. The shared pool
/// holds the positions without own margin, orders and borrows: cross gives own margin only to
/// positions that have it allocated; isolated gives it to every perpetual and future, taking its IM
/// out of the pool when none is allocated. An own-margin position's losses stay within its margin and
/// its profits are not available to the pool (Binance's rule).
/// </summary>
internal static class StandardMargin
{
    public static MarginReport Build(Account account, MarketSnapshot market, RiskProfile profile, MarginMethod method)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(profile);

        var collateral = CollateralValuation.Value(account, market, profile);
        var (collateralValue, haircutIm) = Counted(collateral, profile);

        var figures = account.Positions.Select(p => StandardMath.Evaluate(p, market, profile)).ToArray();
        bool OwnMargin(Position p) => method == MarginMethod.Isolated ? p.Instrument is Perpetual or Future : p.IsIsolated;

        decimal pnl = 0m, optionValue = 0m, im = 0m, mm = 0m, allocated = 0m;
        decimal poolBalance = collateralValue, poolIm = 0m, poolMm = 0m;
        for (var i = 0; i < figures.Length; i++)
        {
            var position = account.Positions[i];
            var f = figures[i];
            pnl += f.PnlUsd;
            optionValue += f.LongOptionValueUsd;
            im += f.InitialMarginUsd;
            mm += f.MaintenanceMarginUsd;
            if (position.IsolatedMargin is { } margin)
                allocated += margin * f.SettlementToUsd;
            if (!OwnMargin(position))
            {
                poolBalance += f.PnlUsd + f.LongOptionValueUsd;
                poolIm += f.InitialMarginUsd;
                poolMm += f.MaintenanceMarginUsd;
            }
            else if (!position.IsIsolated)
            {
                poolBalance -= f.InitialMarginUsd;
            }
        }

        var orders = ImmutableArray.CreateBuilder<OrderMargin>(account.Orders.Length);
        var openingFees = 0m;
        foreach (var order in account.Orders)
        {
            var held = account.Positions.FirstOrDefault(p => p.Instrument.Id == order.Instrument.Id);
            var (notional, orderIm, orderMm, fee) = StandardMath.EvaluateOrder(order, held, market, profile);
            im += orderIm;
            mm += orderMm;
            poolIm += orderIm;
            poolMm += orderMm;
            openingFees += fee;
            orders.Add(new OrderMargin(order.Id, order.Instrument.Id, Rounding.Value(notional), Rounding.Requirement(orderIm),
                Rounding.Requirement(orderMm), Rounding.Requirement(fee)));
        }

        // Borrowing on currency equity counts every position settled in a currency, pooled or on its own margin, with the
        // margin allocated to it (OKX: eq includes the isolated equity, margin + isolated P&L); so both views borrow the same.
        var currencyPnl = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = 0; i < figures.Length; i++)
        {
            var position = account.Positions[i];
            var asset = position.Instrument.SettlementAsset.Id;
            var change = figures[i].PnlSettlement + (position.IsolatedMargin ?? 0m);
            if (change != 0m)
                currencyPnl[asset] = currencyPnl.GetValueOrDefault(asset) + change;
        }

        var borrows = Borrowing.Lines(collateral, currencyPnl, id => StandardMath.Index(market, id), profile.Borrow);
        foreach (var (_, borrowIm, borrowMm) in borrows)
        {
            im += borrowIm;
            mm += borrowMm;
            poolIm += borrowIm;
            poolMm += borrowMm;
        }

        var reserves = Reserves(account, market);
        foreach (var (_, usd) in reserves)
        {
            im += usd;
            poolIm += usd;
        }

        im += haircutIm;
        poolIm += haircutIm;

        var equity = collateralValue + allocated + pnl + optionValue;
        poolBalance -= openingFees;
        var excess = poolBalance - poolMm;

        var lines = ImmutableArray.CreateBuilder<PositionMargin>(figures.Length);
        foreach (var pooled in new[] { true, false })
        {
            for (var i = 0; i < figures.Length; i++)
            {
                var position = account.Positions[i];
                if (OwnMargin(position) == pooled)
                    continue;
                lines.Add(pooled
                    ? PooledLine(position, figures[i], excess, profile)
                    : IsolatedLine(position, figures[i], profile));
            }
        }

        return new MarginReport(
            method,
            profile.Name,
            market.ValuationTime,
            [.. collateral.Select(RoundedLine)],
            lines.MoveToImmutable(),
            orders.MoveToImmutable(),
            [.. borrows.Select(b => b.Line)],
            [.. reserves.Select(r => r.Line)],
            Rounding.Value(collateralValue),
            Rounding.Value(allocated),
            Rounding.Value(pnl),
            Rounding.Value(optionValue),
            Rounding.Requirement(openingFees),
            Rounding.Value(equity),
            Rounding.Requirement(im),
            Rounding.Requirement(mm),
            Rounding.Value(poolBalance),
            poolBalance > 0m ? Rounding.Ratio(poolMm / poolBalance) : null,
            Rounding.Value(Math.Max(0m, poolBalance - poolIm)),
            UnroundedFigures.Of(equity, im, mm, poolBalance, Math.Max(0m, poolBalance - poolIm), poolMm),
            Warnings(account.Positions, figures));
    }

    /// <summary>The line of an isolated position: its own margin balance, closed-form liquidation and bankruptcy prices.</summary>
    public static PositionMargin IsolatedLine(Position position, PositionFigures f, RiskProfile profile)
    {
        var margin = position.IsolatedMargin ?? f.InitialMarginUsd / f.SettlementToUsd;
        var brackets = StandardMath.Schedule(profile, position.Instrument, position.Quantity, f.Mark);
        var feeRate = profile.Fees.ChargeClosingFees ? profile.Fees.TakerRate : 0m;
        var liquidation = profile.IsolatedLiquidation == LiquidationPriceRule.MaintenanceAtEntry
            ? IsolatedLiquidation.LiquidationPriceWithEntryMaintenance(position.Instrument, position.Quantity, position.EntryPrice, margin, brackets)
            : IsolatedLiquidation.LiquidationPrice(position.Instrument, position.Quantity, position.EntryPrice, margin, brackets, feeRate);
        var bankruptcy = IsolatedLiquidation.BankruptcyPrice(position.Instrument, position.Quantity, position.EntryPrice, margin);
        return Line(position, f, true, Rounding.Value((margin + f.PnlSettlement) * f.SettlementToUsd),
            liquidation is { } lp ? Rounding.LiquidationPrice(lp, position.Side, position.Instrument.TickSize) : null,
            bankruptcy is { } bp ? Rounding.LiquidationPrice(bp, position.Side, position.Instrument.TickSize) : null);
    }

    private static PositionMargin PooledLine(Position position, PositionFigures f, decimal excess, RiskProfile profile)
    {
        decimal? liquidation = null;
        if (position.Instrument is Perpetual or Future)
        {
            var feeRate = profile.Fees.ChargeClosingFees ? (double)profile.Fees.TakerRate : 0d;
            var solved = CrossLiquidation.Solve(position.Instrument, (double)position.Quantity, (double)position.EntryPrice, (double)f.Mark,
                (double)f.SettlementToUsd, (double)excess, StandardMath.Schedule(profile, position.Instrument, position.Quantity, f.Mark), feeRate);
            liquidation = solved is { } lp ? Rounding.LiquidationPrice(Rounding.ToDecimal(lp), position.Side, position.Instrument.TickSize) : null;
        }

        return Line(position, f, false, null, liquidation, null);
    }

    internal static PositionMargin Line(Position position, in PositionFigures f, bool isolated, decimal? marginBalance, decimal? liquidation, decimal? bankruptcy) =>
        new(position.Instrument.Id, position.Quantity, position.EntryPrice, f.Mark, Rounding.Value(f.NotionalUsd), Rounding.Value(f.PnlUsd),
            Rounding.Value(f.LongOptionValueUsd), f.Bracket?.Tier, f.Leverage, Rounding.Requirement(f.InitialMarginUsd),
            Rounding.Requirement(f.MaintenanceMarginUsd), Rounding.Requirement(f.ClosingFeeUsd), isolated, marginBalance, liquidation, bankruptcy,
            position.Instrument.SettlementAsset.Id,
            Rounding.RequirementIn(f.InitialMarginUsd / f.SettlementToUsd, position.Instrument.SettlementAsset.Precision),
            Rounding.RequirementIn(f.MaintenanceMarginUsd / f.SettlementToUsd, position.Instrument.SettlementAsset.Precision));

    /// <summary>
    /// Collateral as counted in equity, and the haircut charged to IM instead when the profile applies
    /// haircuts to IM only (docs/methodology.md §Collateral).
    /// </summary>
    internal static (decimal Counted, decimal HaircutIm) Counted(IReadOnlyList<CollateralLine> collateral, RiskProfile profile)
    {
        var value = collateral.Sum(c => c.CollateralValue);
        if (profile.Haircut == HaircutApplication.CollateralValue)
            return (value, 0m);
        var gross = collateral.Sum(c => c.GrossValue);
        return (gross, gross - value);
    }

    /// <summary>Leverages above their bracket's maximum: the maximum is used, and the report says so.</summary>
    internal static ImmutableArray<string> Warnings(IReadOnlyList<Position> positions, IReadOnlyList<PositionFigures> figures)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < positions.Count; i++)
        {
            if (positions[i].Leverage is { } chosen && figures[i].Bracket is { } bracket && chosen > bracket.MaxLeverage)
                warnings.Add($"positions[{positions[i].Instrument.Id}].leverage {chosen} is above bracket {bracket.Tier}'s maximum {bracket.MaxLeverage}: {bracket.MaxLeverage} is used");
        }

        return warnings.ToImmutable();
    }

    /// <summary>The account's reserves with their USD value at the asset's index (docs/methodology.md §Reserves).</summary>
    internal static List<(ReserveMargin Line, decimal Usd)> Reserves(Account account, MarketSnapshot market) =>
        [.. account.Reserves.Select(r =>
        {
            var usd = r.Amount * StandardMath.Index(market, r.Asset.Id);
            return (new ReserveMargin(r.Name, r.Asset.Id, r.Amount, Rounding.Requirement(usd)), usd);
        })];

    internal static CollateralMargin RoundedLine(CollateralLine line)
    {
        var gross = Rounding.Value(line.GrossValue);
        var value = Rounding.Value(line.CollateralValue);
        return new CollateralMargin(line.Asset.Id, line.Quantity, line.IndexPrice, gross, gross - value, value);
    }
}
