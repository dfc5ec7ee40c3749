namespace MarginEngine.Results;

/// <summary>A reserve held as initial margin (docs/methodology.md §Reserves).</summary>
/// <param name="Name">What it is for, e.g. <c>mmp</c>.</param>
/// <param name="AssetId">The asset it is held in.</param>
/// <param name="Amount">Amount in that asset.</param>
/// <param name="InitialMargin">Its USD value, added to IM (rounded up).</param>
public sealed record ReserveMargin(string Name, string AssetId, decimal Amount, decimal InitialMargin);
