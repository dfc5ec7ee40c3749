namespace MarginEngine.Results;

/// <summary>One asset's equity in a unified (Binance-style) account.</summary>
/// <param name="AssetId">Asset.</param>
/// <param name="Equity">Balance + spot + unrealised P&amp;L and option value settled in the asset, in the asset's units.</param>
/// <param name="IndexPrice">USD index.</param>
/// <param name="AdjustedValue">USD: positive equity at the collateral rate (tiered), negative equity at 100%.</param>
public sealed record AssetEquity(string AssetId, decimal Equity, decimal IndexPrice, decimal AdjustedValue);
