using System.Collections.Immutable;
using MarginEngine.Accounts;
using MarginEngine.Assets;
using MarginEngine.Collateral;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Numerics;
using MarginEngine.Profiles;

namespace MarginEngine.Modes;

/// <summary>Values an account's holdings as collateral (docs/methodology.md §Collateral).</summary>
public static class CollateralValuation
{
    /// <summary>
    /// One line per asset held or borrowed: wallet balance plus spot positions, at index x the
    /// asset's haircut schedule (positive holdings only; borrows at 100%). Exact, unrounded.
    /// </summary>
    /// <exception cref="Errors.MissingMarketDataException">An asset without index price.</exception>
    /// <exception cref="Errors.MissingRiskParameterException">A positive holding without haircut schedule.</exception>
    public static ImmutableArray<CollateralLine> Value(Account account, MarketSnapshot market, RiskProfile profile)
    {
        var holdings = new List<(Asset Asset, decimal Quantity)>();
        void Add(Asset asset, decimal quantity)
        {
            var at = holdings.FindIndex(h => h.Asset.Id == asset.Id);
            if (at < 0)
                holdings.Add((asset, quantity));
            else
                holdings[at] = (asset, holdings[at].Quantity + quantity);
        }

        foreach (var balance in account.Balances)
            Add(balance.Asset, balance.Quantity);
        foreach (var position in account.Positions)
        {
            if (position.Instrument is Spot)
                Add(position.Instrument.Underlying, position.Quantity);
        }

        var lines = ImmutableArray.CreateBuilder<CollateralLine>(holdings.Count);
        foreach (var (asset, quantity) in holdings)
        {
            var index = Rounding.ToDecimal(market.GetIndexPrice(asset.Id));
            var value = quantity > 0m ? profile.GetHaircut(asset.Id).CollateralValue(quantity, index) : quantity * index;
            lines.Add(new CollateralLine(asset, quantity, index, quantity * index, value));
        }

        return lines.MoveToImmutable();
    }
}
