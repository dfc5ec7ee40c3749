using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.Json;

namespace MarginEngine.Orleans;

/// <summary>
/// A fill applied to an account: a position that grows keeps the quantity-weighted average entry; the part that closes
/// settles its P&amp;L (linear: Q x size x (P - E); inverse: Q x size x (1/E - 1/P), in coin) into the settlement
/// asset's balance; an option's premium (quantity x size x price) moves the settlement balance. Spot fills move
/// balances, not positions: set the account instead.
/// </summary>
internal static class Fills
{
    public static Account Apply(Account account, BookUniverse universe, Trade fill)
    {
        if (fill.Quantity == 0m || fill.Price <= 0m)
            throw new InvalidMarginInputException("fill", $"needs a non-zero quantity and a positive price, not {fill.Quantity} at {fill.Price}");
        var instrument = universe.Instruments.TryGetValue(fill.InstrumentId, out var i) ? i : throw new MissingMarketDataException("instrument", fill.InstrumentId);
        if (instrument is Spot)
            throw new InvalidMarginInputException($"fill[{fill.InstrumentId}]", "a spot fill moves balances: set the account instead");
        var held = account.Positions.FirstOrDefault(p => p.Instrument.Id == instrument.Id);
        var quantity = held?.Quantity ?? 0m;
        var entry = held?.EntryPrice ?? fill.Price;
        var cash = instrument is EuropeanOption ? -fill.Quantity * instrument.ContractSize * fill.Price : 0m;
        decimal newQuantity = quantity + fill.Quantity, newEntry;
        if (quantity == 0m || Math.Sign(quantity) == Math.Sign(fill.Quantity))
        {
            newEntry = (Math.Abs(quantity) * entry + Math.Abs(fill.Quantity) * fill.Price) / Math.Abs(newQuantity);
        }
        else
        {
            var closed = Math.Sign(quantity) * Math.Min(Math.Abs(quantity), Math.Abs(fill.Quantity));
            if (instrument is not EuropeanOption)
            {
                cash += instrument.Settlement == Settlement.Linear
                    ? closed * instrument.ContractSize * (fill.Price - entry)
                    : closed * instrument.ContractSize * (1m / entry - 1m / fill.Price);
            }

            newEntry = Math.Sign(newQuantity) == Math.Sign(quantity) || newQuantity == 0m ? entry : fill.Price;
        }

        var positions = account.Positions.Where(p => p.Instrument.Id != instrument.Id).ToList();
        if (newQuantity != 0m)
            positions.Add(new Position(instrument, newQuantity, newEntry, held?.IsolatedMargin, held?.Leverage));
        var balances = account.Balances.ToDictionary(b => b.Asset.Id, StringComparer.Ordinal);
        if (cash != 0m)
        {
            var asset = instrument.SettlementAsset;
            balances[asset.Id] = new Balance(asset, (balances.TryGetValue(asset.Id, out var b) ? b.Quantity : 0m) + cash);
        }

        return new Account(account.Id, account.Mode, balances.Values, positions, account.Orders, account.Reserves);
    }
}
