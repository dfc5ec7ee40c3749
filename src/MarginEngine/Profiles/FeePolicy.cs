using MarginEngine.Errors;

namespace MarginEngine.Profiles;

/// <summary>
/// Whether expected trading fees count toward margin (KuCoin and Bybit count them; peers differ).
/// Opening fees of resting orders are taken off the margin balance; closing fees of positions are
/// added to their IM and MM. Fees = notional x taker rate.
/// </summary>
/// <param name="TakerRate">Taker fee rate (0.0006 = 6 bp).</param>
/// <param name="ChargeOpeningFees">Take resting orders' opening fees off equity.</param>
/// <param name="ChargeClosingFees">Add positions' closing fees to IM and MM.</param>
public sealed record FeePolicy(decimal TakerRate, bool ChargeOpeningFees, bool ChargeClosingFees)
{
    /// <summary>No fee counts.</summary>
    public static FeePolicy None { get; } = new(0m, false, false);

    /// <summary>The taker rate, checked to be in [0, 0.1].</summary>
    public decimal TakerRate { get; } = Guard.InRange(TakerRate, 0m, 0.1m, "fees.takerRate");
}
