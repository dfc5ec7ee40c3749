using MarginEngine.Errors;

namespace MarginEngine.Assets;

/// <summary>A coin or stablecoin that can be held, borrowed or settled in.</summary>
public sealed record Asset
{
    /// <summary>Creates an asset.</summary>
    /// <param name="id">Ticker, e.g. <c>BTC</c>, <c>USDT</c>.</param>
    /// <param name="precision">Decimal places used to display quantities (0..18).</param>
    /// <param name="isStablecoin">Whether the asset is meant to track one US dollar.</param>
    /// <exception cref="InvalidMarginInputException">Empty id or precision outside 0..18.</exception>
    public Asset(string id, int precision = 8, bool isStablecoin = false)
    {
        Id = Guard.Id(id, "asset.id");
        if (precision is < 0 or > 18)
            throw new InvalidMarginInputException($"assets[{id}].precision", $"must be in [0, 18] but was {precision}");
        Precision = precision;
        IsStablecoin = isStablecoin;
    }

    /// <summary>Ticker, e.g. <c>BTC</c>.</summary>
    public string Id { get; }

    /// <summary>Decimal places used to display quantities.</summary>
    public int Precision { get; }

    /// <summary>Whether the asset is meant to track one US dollar.</summary>
    public bool IsStablecoin { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
