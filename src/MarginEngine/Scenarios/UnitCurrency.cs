namespace MarginEngine.Scenarios;

/// <summary>The currency a risk unit's scenario P&amp;L and margin are measured in.</summary>
public enum UnitCurrency
{
    /// <summary>US dollars (linear, stablecoin-margined units).</summary>
    Usd,

    /// <summary>The underlying coin (Deribit's coin-margined units): coin-settled P&amp;L as is, USD P&amp;L at the scenario price.</summary>
    Coin,
}
