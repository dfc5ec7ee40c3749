using MarginEngine.Errors;

namespace MarginEngine.Profiles;

/// <summary>
/// Standard (non-portfolio) margin of a short option per coin of underlying, index I, mark M,
/// entry E (docs/methodology.md §Options, Bybit):
/// <c>MM = max(MaintenanceRate x I, MaintenanceRate x M) + M + FeeRate x I</c>,
/// <c>IM = max(max(InitialRate x I - OTM, InitialFloorRate x I) + P, MM)</c> with premium P = max(E, M)
/// (Bybit) or M (Deribit: 0.15 / 0.10 / 0.075, no fee term). Long options need their premium only.
/// </summary>
public sealed record OptionMarginRates
{
    /// <summary>Bybit's published rates: 0.03, 0.002, 0.15, 0.10.</summary>
    public static OptionMarginRates Bybit { get; } = new(0.03m, 0.002m, 0.15m, 0.10m);

    /// <summary>Creates option margin rates, each in [0, 1].</summary>
    public OptionMarginRates(decimal maintenanceRate, decimal feeRate, decimal initialRate, decimal initialFloorRate,
        OptionPremiumBasis premiumBasis = OptionPremiumBasis.HigherOfEntryAndMark)
    {
        PremiumBasis = premiumBasis;
        MaintenanceRate = Guard.InRange(maintenanceRate, 0m, 1m, "options.maintenanceRate");
        FeeRate = Guard.InRange(feeRate, 0m, 1m, "options.feeRate");
        InitialRate = Guard.InRange(initialRate, 0m, 1m, "options.initialRate");
        InitialFloorRate = Guard.InRange(initialFloorRate, 0m, 1m, "options.initialFloorRate");
    }

    /// <summary>Share of max(index, mark) in MM (0.03).</summary>
    public decimal MaintenanceRate { get; }

    /// <summary>Share of index added to MM for the cost of closing (0.002).</summary>
    public decimal FeeRate { get; }

    /// <summary>Share of index in IM before the OTM reduction (0.15).</summary>
    public decimal InitialRate { get; }

    /// <summary>Floor of the IM index share after the OTM reduction (0.10).</summary>
    public decimal InitialFloorRate { get; }

    /// <summary>Which premium the IM adds: max(entry, mark) (Bybit) or the mark (Deribit).</summary>
    public OptionPremiumBasis PremiumBasis { get; }
}
