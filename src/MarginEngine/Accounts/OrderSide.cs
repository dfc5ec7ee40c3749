namespace MarginEngine.Accounts;

/// <summary>Side of an order.</summary>
public enum OrderSide
{
    /// <summary>Buys: adds to a long or reduces a short.</summary>
    Buy,

    /// <summary>Sells: adds to a short or reduces a long.</summary>
    Sell,
}
