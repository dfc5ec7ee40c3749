namespace MarginEngine.Tests.Architecture;

/// <summary>
/// The library's concepts in layers, bottom first: the one place the layering is written (docs/architecture.md
/// §Layers draws it). A concept may use concepts of lower layers only; concepts of one layer do not use each other.
/// </summary>
internal static class Layers
{
    public static readonly string[][] BottomUp =
    [
        ["Errors"],
        ["Numerics"],
        ["Assets"],
        ["Instruments"],
        ["Pricing"],
        ["Accounts", "MarketData"],
        ["Scenarios", "Kernels"],
        ["Results"],
        ["Brackets", "Collateral"],
        ["Profiles"],
        ["Options"],
        ["Modes"],
        ["Compiled"],
        ["Portfolio"],
        ["Attribution", "Cliff", "History", "Liquidation"],
        ["Json"],
    ];

    /// <summary>
    /// Uses that break the layering, each to be removed: the test fails on any other upward or sideways use, and on an
    /// entry here that the code no longer has, so this list only shrinks. Empty since issue 21.
    /// </summary>
    public static readonly (string From, string To, string Why)[] Debt =
    [
    ];

    /// <summary>The layer index of <paramref name="concept"/>, or -1 when no layer lists it.</summary>
    public static int Of(string concept) => Array.FindIndex(BottomUp, layer => layer.Contains(concept));
}
