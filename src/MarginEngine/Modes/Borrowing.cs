using MarginEngine.Collateral;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Modes;

/// <summary>
/// What an account borrows, per asset (docs/methodology.md §Collateral): a negative balance, or under
/// <see cref="BorrowBasis.NegativeCurrencyEquity"/> (OKX MR8) the negative part of each currency's
/// equity = balance + unrealised P&amp;L of the positions settled in it (and margin allocated to isolated ones). Each
/// borrow pays the profile's borrow IM and MM rates on its USD value.
/// </summary>
internal static class Borrowing
{
    /// <param name="collateral">The account's collateral lines.</param>
    /// <param name="pooledPnl">Change of each currency's equity beyond its balance, by asset id, in that asset: unrealised P&amp;L of the positions settled in it and margin allocated to them.</param>
    /// <param name="indexOf">USD index of an asset id, for a currency with P&amp;L but no balance.</param>
    /// <param name="rates">The profile's borrow rates.</param>
    public static List<(BorrowMargin Line, decimal Im, decimal Mm)> Lines(
        IReadOnlyList<CollateralLine> collateral, IReadOnlyDictionary<string, decimal> pooledPnl, Func<string, decimal> indexOf, BorrowRates rates)
    {
        var borrowed = new List<(string Asset, decimal Usd)>();
        if (rates.Basis == BorrowBasis.NegativeBalance)
        {
            borrowed.AddRange(collateral.Where(c => c.Quantity < 0m).Select(c => (c.Asset.Id, -c.GrossValue)));
        }
        else
        {
            var held = collateral.ToDictionary(c => c.Asset.Id, c => (c.Quantity, c.IndexPrice), StringComparer.Ordinal);
            foreach (var asset in held.Keys.Union(pooledPnl.Keys).Order(StringComparer.Ordinal))
            {
                var (quantity, index) = held.TryGetValue(asset, out var h) ? h : (0m, indexOf(asset));
                var equity = quantity + pooledPnl.GetValueOrDefault(asset);
                if (equity < 0m)
                    borrowed.Add((asset, -equity * index));
            }
        }

        return [.. borrowed.Select(b =>
        {
            var im = b.Usd * rates.InitialMarginRate;
            var mm = b.Usd * rates.MaintenanceMarginRate;
            return (new BorrowMargin(b.Asset, Numerics.Rounding.Requirement(b.Usd), Numerics.Rounding.Requirement(im), Numerics.Rounding.Requirement(mm)), im, mm);
        })];
    }
}
