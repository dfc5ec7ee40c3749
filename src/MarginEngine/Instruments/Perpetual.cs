using MarginEngine.Assets;

namespace MarginEngine.Instruments;

/// <summary>A perpetual swap, linear or inverse.</summary>
public sealed record Perpetual : Instrument
{
    /// <summary>Creates a perpetual; see <see cref="Instrument.ContractSize"/> for the multiplier's unit.</summary>
    public Perpetual(string id, Asset underlying, Asset settlementAsset, Settlement settlement, decimal contractSize = 1m)
        : base(id, underlying, settlementAsset, settlement, contractSize)
    {
    }
}
