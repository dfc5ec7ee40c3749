using MarginEngine.Assets;
using MarginEngine.Errors;

namespace MarginEngine.Instruments;

/// <summary>
/// A tradable product. The set is closed: <see cref="Spot"/>, <see cref="Perpetual"/>,
/// <see cref="Future"/>, <see cref="EuropeanOption"/>; calculators handle it with <c>switch</c>.
/// Instruments know nothing of positions or prices.
/// </summary>
public abstract record Instrument
{
    private protected Instrument(string id, Asset underlying, Asset settlementAsset, Settlement settlement, decimal contractSize)
    {
        Id = Guard.Id(id, "instrument.id");
        Underlying = Guard.NotNull(underlying, $"instruments[{id}].underlying");
        SettlementAsset = Guard.NotNull(settlementAsset, $"instruments[{id}].settlementAsset");
        Settlement = settlement;
        ContractSize = Numerics.Limits.Quantity(Guard.Positive(contractSize, $"instruments[{id}].contractSize"), $"instruments[{id}].contractSize");
        if (settlement == Settlement.Inverse && settlementAsset.Id != underlying.Id)
            throw new InvalidMarginInputException($"instruments[{id}].settlementAsset",
                $"an inverse instrument settles in its underlying '{underlying.Id}', not '{settlementAsset.Id}'");
    }

    /// <summary>Venue symbol, unique within a book, e.g. <c>BTCUSDT</c>.</summary>
    public string Id { get; }

    /// <summary>The coin whose price drives the instrument; also its risk unit in portfolio margin.</summary>
    public Asset Underlying { get; }

    /// <summary>The asset P&amp;L and margin are paid in: the quote for linear, the underlying for inverse.</summary>
    public Asset SettlementAsset { get; }

    /// <summary>Linear (quote-settled) or inverse (coin-settled).</summary>
    public Settlement Settlement { get; }

    /// <summary>
    /// Multiplier: underlying coins per contract for spot, linear futures and every option;
    /// US dollars of face value per contract for inverse futures and perpetuals.
    /// </summary>
    public decimal ContractSize { get; }

    /// <summary>
    /// Price increment, or null: liquidation and bankruptcy prices are reported on this grid
    /// (docs/numerics.md); without it, to significant digits.
    /// </summary>
    /// <exception cref="InvalidMarginInputException">Not positive.</exception>
    public decimal? TickSize { get; init => field = value is { } tick ? Guard.Positive(tick, $"instruments[{Id}].tickSize") : null; }

    /// <summary>Quantity increment (contracts, coins for spot), or null: a liquidation plan reduces positions in whole lots of it.</summary>
    /// <exception cref="InvalidMarginInputException">Not positive.</exception>
    public decimal? LotSize { get; init => field = value is { } lot ? Guard.Positive(lot, $"instruments[{Id}].lotSize") : null; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
