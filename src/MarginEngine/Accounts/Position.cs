using MarginEngine.Errors;
using MarginEngine.Instruments;

namespace MarginEngine.Accounts;

/// <summary>
/// An open position in one instrument (one-way mode: one position per instrument).
/// </summary>
public sealed record Position
{
    /// <summary>Creates a position.</summary>
    /// <param name="instrument">The instrument held.</param>
    /// <param name="quantity">Contracts (coins for spot); positive = long, negative = short, never zero.</param>
    /// <param name="entryPrice">Average entry price in the instrument's quote (coin for inverse options).</param>
    /// <param name="isolatedMargin">Margin allocated to the position in its settlement asset, or null when it shares the account's pool.</param>
    /// <param name="leverage">Chosen leverage; null uses the bracket's maximum. Never above the bracket's maximum in effect.</param>
    /// <exception cref="InvalidMarginInputException">Zero quantity, non-positive price or leverage, negative margin, isolated margin on spot or an option.</exception>
    public Position(Instrument instrument, decimal quantity, decimal entryPrice, decimal? isolatedMargin = null, decimal? leverage = null)
    {
        Instrument = Guard.NotNull(instrument, "position.instrument");
        var field = $"positions[{instrument.Id}]";
        Quantity = Numerics.Limits.Quantity(Guard.NonZero(quantity, $"{field}.quantity"), $"{field}.quantity");
        EntryPrice = Numerics.Limits.Price(entryPrice, $"{field}.entryPrice");
        if (isolatedMargin is { } margin)
        {
            if (instrument is Spot or EuropeanOption)
                throw new InvalidMarginInputException($"{field}.isolatedMargin", "only perpetuals and futures can be isolated");
            Numerics.Limits.Quantity(Guard.NonNegative(margin, $"{field}.isolatedMargin"), $"{field}.isolatedMargin");
        }

        IsolatedMargin = isolatedMargin;
        if (leverage is { } lev && lev < 1m)
            throw new InvalidMarginInputException($"{field}.leverage", $"must be >= 1 but was {Guard.Show(lev)}");
        Leverage = leverage;
    }

    /// <summary>The instrument held.</summary>
    public Instrument Instrument { get; }

    /// <summary>Signed contracts: positive = long.</summary>
    public decimal Quantity { get; }

    /// <summary>Average entry price.</summary>
    public decimal EntryPrice { get; }

    /// <summary>Margin allocated to an isolated position (settlement asset), or null in the shared pool.</summary>
    public decimal? IsolatedMargin { get; }

    /// <summary>Chosen leverage, or null for the bracket's maximum.</summary>
    public decimal? Leverage { get; }

    /// <summary>Whether the position has its own margin.</summary>
    public bool IsIsolated => IsolatedMargin is not null;

    /// <summary>+1 long, -1 short.</summary>
    public int Side => Math.Sign(Quantity);

    /// <summary>Returns the same position with another quantity.</summary>
    public Position WithQuantity(decimal quantity) => new(Instrument, quantity, EntryPrice, IsolatedMargin, Leverage);

    /// <summary>Returns the same position with its own margin of <paramref name="margin"/>.</summary>
    public Position WithIsolatedMargin(decimal margin) => new(Instrument, Quantity, EntryPrice, margin, Leverage);
}
