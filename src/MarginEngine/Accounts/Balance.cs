using MarginEngine.Assets;
using MarginEngine.Errors;

namespace MarginEngine.Accounts;

/// <summary>A wallet balance of one asset; a negative quantity is a borrow.</summary>
public sealed record Balance
{
    /// <summary>Creates a balance of <paramref name="quantity"/> coins of <paramref name="asset"/>.</summary>
    public Balance(Asset asset, decimal quantity)
    {
        Asset = Guard.NotNull(asset, "balance.asset");
        Quantity = Numerics.Limits.Quantity(quantity, $"balances[{asset?.Id}].quantity");
    }

    /// <summary>The asset held.</summary>
    public Asset Asset { get; }

    /// <summary>Coins held; negative = borrowed.</summary>
    public decimal Quantity { get; }
}
