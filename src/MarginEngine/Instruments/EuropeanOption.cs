using MarginEngine.Assets;
using MarginEngine.Errors;
using NodaTime;

namespace MarginEngine.Instruments;

/// <summary>
/// A European option on <see cref="Instrument.Underlying"/>. Its mark price is quoted in the
/// settlement asset per coin of underlying: USD for linear, coin for inverse (Deribit style).
/// </summary>
public sealed record EuropeanOption : Instrument
{
    /// <summary>Creates an option; <paramref name="contractSize"/> is in underlying coins.</summary>
    /// <exception cref="InvalidMarginInputException">Strike not positive.</exception>
    public EuropeanOption(string id, Asset underlying, Asset settlementAsset, Settlement settlement,
        OptionRight right, decimal strike, Instant expiry, decimal contractSize = 1m)
        : base(id, underlying, settlementAsset, settlement, contractSize)
    {
        Right = right;
        Strike = Numerics.Limits.Price(strike, $"instruments[{id}].strike");
        Expiry = expiry;
    }

    /// <summary>Call or put.</summary>
    public OptionRight Right { get; }

    /// <summary>Strike in USD per coin.</summary>
    public decimal Strike { get; }

    /// <summary>Expiry instant; an option past it is rejected by calculators.</summary>
    public Instant Expiry { get; }

    /// <summary>Out-of-the-money amount per coin at index <paramref name="index"/>: call max(0, K - I), put max(0, I - K).</summary>
    public decimal OutOfTheMoneyAmount(decimal index) =>
        Right == OptionRight.Call ? Math.Max(0m, Strike - index) : Math.Max(0m, index - Strike);
}
