namespace MarginEngine.Profiles;

/// <summary>How resting orders count (docs/methodology.md §Orders).</summary>
/// <param name="MaintenanceAsIfFilled">
/// Add each order's MM as if it were filled to the account's MM (KuCoin). Its IM is always reserved
/// from the available balance.
/// </param>
public sealed record OpenOrderPolicy(bool MaintenanceAsIfFilled)
{
    /// <summary>IM reserved only.</summary>
    public static OpenOrderPolicy ReserveInitialOnly { get; } = new(false);
}
