namespace MarginEngine.Collateral;

/// <summary>What a tiered haircut schedule's tier bounds measure.</summary>
public enum HaircutBasis
{
    /// <summary>Coin quantity held (Bybit collateral value ratio, KuCoin discount tiers).</summary>
    Quantity,

    /// <summary>USD value held at index (OKX discount-rate tiers, Bitget).</summary>
    UsdValue,
}
