using MarginEngine.Assets;
using MarginEngine.Errors;

namespace MarginEngine.Accounts;

/// <summary>
/// An amount the venue holds back as initial margin beyond the positions' own, e.g. Deribit's
/// market-maker-protection margin (docs/methodology.md §Reserves). It enters IM only, never MM.
/// </summary>
public sealed record MarginReserve
{
    /// <summary>Creates a reserve of <paramref name="amount"/> units of <paramref name="asset"/>.</summary>
    /// <exception cref="InvalidMarginInputException">An empty name or a negative amount.</exception>
    public MarginReserve(string name, Asset asset, decimal amount)
    {
        Name = Guard.Id(name, "reserves.name");
        Asset = Guard.NotNull(asset, $"reserves[{name}].asset");
        Amount = Guard.NonNegative(amount, $"reserves[{name}].amount");
    }

    /// <summary>What the reserve is for, e.g. <c>mmp</c>.</summary>
    public string Name { get; }

    /// <summary>The asset it is held in.</summary>
    public Asset Asset { get; }

    /// <summary>Amount in <see cref="Asset"/>.</summary>
    public decimal Amount { get; }
}
