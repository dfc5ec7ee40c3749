using System.Collections.Immutable;

namespace MarginEngine.Results;

/// <summary>Binance-style portfolio margin: the account summary, uniMMR and its status, and per-asset equity.</summary>
/// <param name="Report">Summary (method Portfolio): equity is the adjusted equity; IM and MM are bracket sums plus borrow margin.</param>
/// <param name="UniMmr">Adjusted equity / MM, rounded down to 6 places; null when MM is zero.</param>
/// <param name="Status">The ladder's status for <paramref name="UniMmr"/> ("normal" when MM is zero).</param>
/// <param name="Assets">Per-asset equity lines.</param>
public sealed record UnifiedMarginResult(MarginReport Report, decimal? UniMmr, string Status, ImmutableArray<AssetEquity> Assets);
