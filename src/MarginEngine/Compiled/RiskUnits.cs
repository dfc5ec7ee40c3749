using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Pricing;
using MarginEngine.Profiles;

namespace MarginEngine.Compiled;

/// <summary>
/// A book grouped into risk units (docs/methodology.md §Portfolio, steps 1-2): each pooled position, resting order and
/// (when the unit revalues collateral) coin balance as an exposure of its underlying's unit, in the book's order.
/// </summary>
internal static class RiskUnits
{
    /// <summary>The account's risk units: pooled positions and (when the unit says so) coin collateral per underlying, and resting orders as exposures.</summary>
    /// <remarks><paramref name="include"/>, when given, keeps only the units of the underlyings it accepts.</remarks>
    internal static (List<(string Underlying, List<Exposure> Exposures)> Groups, List<(string Underlying, Exposure Exposure)> Orders) Units(
        Account account, MarketSnapshot market, RiskProfile profile, PortfolioParameters portfolio, CompiledMarket? compiled = null,
        Func<string, bool>? include = null)
    {
        var groups = Exposures(account, market, includeAllCollateral: false, compiled, include);
        foreach (var balance in account.Balances)
        {
            var id = balance.Asset.Id;
            if (balance.Asset.IsStablecoin || balance.Quantity == 0 || include?.Invoke(id) == false || !portfolio.Covers(id)
                || !portfolio.For(id, profile.Name).IncludeCollateral)
                continue;
            var at = IndexOf(groups, id);
            if (at < 0)
            {
                groups.Add((id, []));
                at = groups.Count - 1;
            }

            groups[at].Exposures.Add(Exposure.Holding($"collateral:{id}", (double)balance.Quantity, market.GetIndexPrice(id)));
        }

        var orders = new List<(string Underlying, Exposure Exposure)>(account.Orders.Length);
        foreach (var o in account.Orders)
        {
            var underlying = o.Instrument.Underlying.Id;
            if (include?.Invoke(underlying) == false)
                continue;
            if (o.Instrument is EuropeanOption option)
                StandardMath.CheckInverseOptionPrice(option, o.LimitPrice, StandardMath.Index(market, underlying), $"orders[{option.Id}].limitPrice");
            orders.Add((underlying, compiled?.Exposure(o.Instrument, (double)o.SignedQuantity, $"order:{o.Id}")
                ?? ToExposure(o.Instrument, (double)o.SignedQuantity, $"order:{o.Id}", market)));
            if (IndexOf(groups, underlying) < 0)
                groups.Add((underlying, []));
        }

        return (groups, orders);
    }

    private static int IndexOf(List<(string Underlying, List<Exposure> Exposures)> groups, string underlying)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Underlying == underlying)
                return i;
        }

        return -1;
    }

    private static int CountIndex(List<(string Underlying, int Count)> counts, string underlying)
    {
        for (var i = 0; i < counts.Count; i++)
        {
            if (string.Equals(counts[i].Underlying, underlying, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }

    internal static IReadOnlyList<Exposure> OrdersOf(List<(string Underlying, Exposure Exposure)> orders, string underlying)
    {
        if (orders.Count == 0)
            return [];
        var list = new List<Exposure>();
        foreach (var (u, e) in orders)
        {
            if (u == underlying)
                list.Add(e);
        }

        return list;
    }

    /// <summary>
    /// Every pooled position of the account as exposures grouped by underlying, with coin collateral
    /// (non-stablecoin balances) added as holdings when <paramref name="includeAllCollateral"/>.
    /// </summary>
    internal static List<(string Underlying, List<Exposure> Exposures)> Exposures(Account account, MarketSnapshot market, bool includeAllCollateral,
        CompiledMarket? compiled = null, Func<string, bool>? include = null)
    {
        var groups = new List<(string Underlying, List<Exposure> Exposures)>();
        List<Exposure> Group(string underlying, int capacity = 0)
        {
            var at = IndexOf(groups, underlying);
            if (at >= 0)
                return groups[at].Exposures;
            groups.Add((underlying, new List<Exposure>(capacity)));
            return groups[^1].Exposures;
        }

        // Each unit's list is sized once (a large book otherwise spends much of its compile regrowing them); a book has
        // few underlyings, so they are counted in a short list rather than hashed per position.
        var pooled = new List<Position>(account.Positions.Length);
        var counts = new List<(string Underlying, int Count)>();
        foreach (var position in account.Positions)
        {
            if (position.IsIsolated || StandardMath.IsSettling(position.Instrument, market) || include?.Invoke(position.Instrument.Underlying.Id) == false)
                continue;
            pooled.Add(position);
            var at = CountIndex(counts, position.Instrument.Underlying.Id);
            if (at < 0)
                counts.Add((position.Instrument.Underlying.Id, 1));
            else
                counts[at] = (counts[at].Underlying, counts[at].Count + 1);
        }

        foreach (var position in pooled)
        {
            var underlying = position.Instrument.Underlying.Id;
            var quantity = (double)position.Quantity;
            Group(underlying, counts[CountIndex(counts, underlying)].Count + 1).Add(compiled?.Exposure(position.Instrument, quantity, position.Instrument.Id)
                ?? ToExposure(position.Instrument, quantity, position.Instrument.Id, market));
        }

        if (includeAllCollateral)
        {
            foreach (var balance in account.Balances.Where(b => !b.Asset.IsStablecoin && b.Quantity != 0))
                Group(balance.Asset.Id).Add(Exposure.Holding($"collateral:{balance.Asset.Id}", (double)balance.Quantity, market.GetIndexPrice(balance.Asset.Id)));
        }

        return groups;
    }

    internal static Exposure ToExposure(Instrument instrument, double quantity, string id, MarketSnapshot market)
    {
        StandardMath.CheckLive(instrument, market);
        var index = market.GetIndexPrice(instrument.Underlying.Id);
        var settlementToUsd = instrument.Settlement == Settlement.Linear ? market.GetIndexPrice(instrument.SettlementAsset.Id) : 1;
        if (market.RiskArrays.TryGetValue(instrument.Id, out var array))
        {
            return Exposure.FromRiskArray(instrument, quantity, array, instrument switch
            {
                Perpetual => 0,
                Future f => YearFraction.Between(market.ValuationTime, f.Expiry),
                EuropeanOption o => YearFraction.Between(market.ValuationTime, o.Expiry),
                _ => null,
            });
        }

        return instrument switch
        {
            Spot => Exposure.Spot(id, quantity, market.GetMarkPrice(instrument), settlementToUsd),
            Perpetual => Exposure.Future(instrument, quantity, market.GetMarkPrice(instrument), settlementToUsd, 0),
            Future f => Exposure.Future(instrument, quantity, market.GetMarkPrice(instrument), settlementToUsd, YearFraction.Between(market.ValuationTime, f.Expiry)),
            EuropeanOption o => Option(o, quantity, index, market, settlementToUsd),
            _ => throw new InvalidMarginInputException($"instruments[{instrument.Id}]", "unsupported instrument kind"),
        };
    }

    /// <summary>An option on its expiry's forward, discounted, with its vol read at moneyness K / F.</summary>
    private static Exposure Option(EuropeanOption option, double quantity, double index, MarketSnapshot market, double settlementToUsd)
    {
        var forward = market.GetForward(option.Underlying.Id, option.Expiry, index);
        return Exposure.ForOption(option, quantity, index, forward, market.GetDiscountFactor(option.Underlying.Id, option.Expiry),
            market.GetOptionVolatility(option, forward), YearFraction.Between(market.ValuationTime, option.Expiry), settlementToUsd,
            market.GetFixedForward(option.Underlying.Id, option.Expiry));
    }
}
