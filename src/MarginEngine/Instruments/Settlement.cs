namespace MarginEngine.Instruments;

/// <summary>How a derivative settles.</summary>
public enum Settlement
{
    /// <summary>Quote-settled (USDT, USDC): P&amp;L in the quote asset, contract size in coins.</summary>
    Linear,

    /// <summary>Coin-settled: P&amp;L in the underlying coin; futures have a contract value in USD.</summary>
    Inverse,
}
