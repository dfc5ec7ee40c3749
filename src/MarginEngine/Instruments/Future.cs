using MarginEngine.Assets;
using NodaTime;

namespace MarginEngine.Instruments;

/// <summary>A dated future, linear or inverse, expiring at <see cref="Expiry"/>.</summary>
public sealed record Future : Instrument
{
    /// <summary>Creates a dated future; see <see cref="Instrument.ContractSize"/> for the multiplier's unit.</summary>
    public Future(string id, Asset underlying, Asset settlementAsset, Settlement settlement, Instant expiry, decimal contractSize = 1m)
        : base(id, underlying, settlementAsset, settlement, contractSize)
    {
        Expiry = expiry;
    }

    /// <summary>Expiry (settlement) instant.</summary>
    public Instant Expiry { get; }
}
