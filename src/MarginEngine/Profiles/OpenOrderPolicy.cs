namespace MarginEngine.Profiles;

/// <summary>How resting orders count (docs/methodology.md §Orders).</summary>
/// <param name="MaintenanceAsIfFilled">
/// Add each order's MM as if it were filled to the account's MM (KuCoin). Its IM is always reserved
/// from the available balance.
/// </param>
/// <param name="ClosingFeeAsIfFilled">
/// Add each order's expected closing fee as if it were filled (taker rate x the opening notional at the
/// limit) to its IM and MM, besides its opening fee (KuCoin).
/// </param>
public sealed record OpenOrderPolicy(bool MaintenanceAsIfFilled, bool ClosingFeeAsIfFilled = false)
{
    /// <summary>IM reserved only.</summary>
    public static OpenOrderPolicy ReserveInitialOnly { get; } = new(false);
}
