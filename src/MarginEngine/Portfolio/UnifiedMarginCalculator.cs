using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Numerics;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Portfolio;

/// <summary>
/// Binance portfolio margin (docs/methodology.md §Unified): each asset's equity (balance + spot + P&amp;L
/// and option value settled in it) counts at its collateral rate when positive and at 100% when
/// negative; uniMMR = adjusted equity / (Σ bracket MM of every position and order + borrow MM); a ladder names the status.
/// </summary>
public static class UnifiedMarginCalculator
{
    /// <summary>Computes unified margin of <paramref name="account"/> with the profile's ladder.</summary>
    /// <exception cref="Errors.MissingRiskParameterException">No ladder in the profile, or a bracket or haircut missing.</exception>
    public static UnifiedMarginResult Calculate(Account account, MarketSnapshot market, RiskProfile profile)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(profile);
        var ladder = profile.Unified ?? throw new Errors.MissingRiskParameterException(profile.Name, "unified margin ladder", profile.Name);

        var equity = new Dictionary<string, (Assets.Asset Asset, decimal Quantity)>(StringComparer.Ordinal);
        void Add(Assets.Asset asset, decimal quantity) =>
            equity[asset.Id] = (asset, (equity.TryGetValue(asset.Id, out var held) ? held.Quantity : 0m) + quantity);

        foreach (var balance in account.Balances)
            Add(balance.Asset, balance.Quantity);
        decimal im = 0m, mm = 0m, pnl = 0m, optionValue = 0m;
        foreach (var position in account.Positions)
        {
            var f = StandardMath.Evaluate(position, market, profile);
            im += f.InitialMarginUsd;
            mm += f.MaintenanceMarginUsd;
            pnl += f.PnlUsd;
            optionValue += f.OptionValueUsd;
            switch (position.Instrument)
            {
                case Spot:
                    Add(position.Instrument.Underlying, position.Quantity);
                    break;
                case EuropeanOption:
                    Add(position.Instrument.SettlementAsset, f.OptionValueUsd / f.SettlementToUsd);
                    break;
                default:
                    Add(position.Instrument.SettlementAsset, f.PnlSettlement + (position.IsolatedMargin ?? 0m));
                    break;
            }
        }

        foreach (var order in account.Orders)
        {
            var (_, orderIm, orderMm, _) = StandardMath.EvaluateOrder(order, account.Positions.FirstOrDefault(p => p.Instrument.Id == order.Instrument.Id), market, profile);
            im += orderIm;
            mm += orderMm;
        }

        var lines = ImmutableArray.CreateBuilder<AssetEquity>(equity.Count);
        decimal adjusted = 0m, borrowed = 0m;
        foreach (var (asset, quantity) in equity.Values)
        {
            var index = StandardMath.Index(market, asset.Id);
            var value = quantity > 0m ? profile.GetHaircut(asset.Id).CollateralValue(quantity, index) : quantity * index;
            if (quantity < 0m)
                borrowed += -quantity * index;
            adjusted += value;
            lines.Add(new AssetEquity(asset.Id, quantity, index, Rounding.Value(value)));
        }

        im += borrowed * profile.Borrow.InitialMarginRate + StandardMargin.Reserves(account, market).Sum(r => r.Usd);
        mm += borrowed * profile.Borrow.MaintenanceMarginRate;
        var uniMmr = mm > 0m ? Math.Round(adjusted / mm, Rounding.RatioDecimals, MidpointRounding.ToNegativeInfinity) : (decimal?)null;
        var cross = CrossMarginCalculator.Calculate(account, market, profile);
        var report = cross with
        {
            Method = MarginMethod.Portfolio,
            OptionValue = Rounding.Value(optionValue),
            UnrealisedPnl = Rounding.Value(pnl),
            Equity = Rounding.Value(adjusted),
            InitialMargin = Rounding.Requirement(im),
            MaintenanceMargin = Rounding.Requirement(mm),
            MarginBalance = Rounding.Value(adjusted),
            MarginRatio = adjusted > 0m ? Rounding.Ratio(mm / adjusted) : null,
            AvailableBalance = Rounding.Value(Math.Max(0m, adjusted - im)),
            Unrounded = UnroundedFigures.Of(adjusted, im, mm, adjusted, Math.Max(0m, adjusted - im), mm),
        };
        return new UnifiedMarginResult(report, uniMmr, uniMmr is { } u ? ladder.StatusOf(u) : ladder.Ladder[0].Name, lines.MoveToImmutable());
    }
}
