namespace MarginEngine.Accounts;

/// <summary>How an account's non-isolated positions share collateral.</summary>
public enum MarginMode
{
    /// <summary>One pool of haircut collateral plus unrealised P&amp;L backs every position (docs/methodology.md §Cross).</summary>
    Cross,

    /// <summary>Margin from the scenario-grid stress engine.</summary>
    Portfolio,
}
